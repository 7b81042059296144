import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../canvas/problem-text.ts';
import { useFlowEditor } from './store/flow-editor-context.ts';
import type { FlowActions } from './useFlowActions.ts';

const fleeting = new Set(['saved', 'activated', 'deactivated']);

/** What came of the last save or activation: done, refused with the problems named, or a conflict. */
export function EditorNotice({ actions }: { actions: FlowActions }) {
  const { t } = useTranslation('editor');
  const notice = useFlowEditor((s) => s.notice);
  const setNotice = useFlowEditor((s) => s.setNotice);
  // Good news goes by itself; problems and conflicts stay until dealt with.
  useEffect(() => {
    if (!notice || !fleeting.has(notice.kind)) return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice, setNotice]);
  if (!notice) return null;
  const close = (
    <button type="button" className="fe-notice-close" aria-label={t('notice.dismiss')} onClick={() => setNotice(null)}>
      ×
    </button>
  );
  switch (notice.kind) {
    case 'saved':
      return <div className="editor-notice fe-notice-good" role="status">{t('notice.saved', { version: notice.version })}{close}</div>;
    case 'activated':
      return <div className="editor-notice fe-notice-good" role="status">{t('notice.activated', { version: notice.version })}{close}</div>;
    case 'deactivated':
      return <div className="editor-notice" role="status">{t('notice.deactivated')}{close}</div>;
    case 'error':
      return <div className="editor-notice fe-notice-bad" role="alert">{t('notice.error', { message: notice.message })}{close}</div>;
    case 'conflict':
      return (
        <div className="editor-notice fe-notice-warn" role="alert">
          <span>{t('notice.conflict', { version: notice.latestVersion ?? '?' })}</span>
          <span className="fe-notice-actions">
            <button type="button" onClick={() => void actions.reload()}>{t('notice.reload')}</button>
            <button type="button" onClick={() => void actions.save({ overwrite: true })}>{t('notice.overwrite')}</button>
          </span>
        </div>
      );
    case 'invalid':
      return (
        <div className="editor-notice fe-notice-bad" role="alert">
          <div>
            <strong>{t('notice.invalid', { count: notice.problems.length })}</strong>
            <ul>
              {notice.problems.map((p, i) => (
                <li key={i}>{problemText(p, t)}</li>
              ))}
            </ul>
          </div>
          {close}
        </div>
      );
  }
}
