import { useTranslation } from 'react-i18next';
import { pageHref } from '../app/routes.ts';
import { pageTitleId } from '../components/PageHeader.tsx';
import { useFlowEditor } from './store/flow-editor-context.ts';
import { ToolbarIcon } from './ToolbarIcons.tsx';
import { useAutoLayout } from './useAutoLayout.ts';
import { useDirty } from './useDirty.ts';
import type { FlowActions } from './useFlowActions.ts';

export type EditorView = 'editor' | 'runs';

/** The view tabs' id prefix; the view panels name themselves by it. */
export const viewTabId = 'flow-view-tab';

interface EditorHeaderProps {
  actions: FlowActions;
  view: EditorView;
  onView: (view: EditorView) => void;
}

/** The flow's name, version and state, and what one does to it: undo, redo, arrange, save, turn on. */
export function EditorHeader({ actions, view, onView }: EditorHeaderProps) {
  const { t } = useTranslation('editor');
  const name = useFlowEditor((s) => s.name);
  const setName = useFlowEditor((s) => s.setName);
  const flowId = useFlowEditor((s) => s.flowId);
  const version = useFlowEditor((s) => s.version);
  const activeVersion = useFlowEditor((s) => s.activeVersion);
  const canUndo = useFlowEditor((s) => s.past.length > 0);
  const canRedo = useFlowEditor((s) => s.future.length > 0);
  const undo = useFlowEditor((s) => s.undo);
  const redo = useFlowEditor((s) => s.redo);
  const busy = useFlowEditor((s) => s.busy);
  const dirty = useDirty();
  const layout = useAutoLayout();
  const active = activeVersion !== null;
  const newer = active && version !== null && activeVersion !== version;

  return (
    <header className="editor-header">
      <div className="editor-title">
        <a className="back-link" href={pageHref('flows')} aria-label={t('header.back')} title={t('header.back')}>
          <ToolbarIcon name="back" />
        </a>
        <h1 id={pageTitleId} tabIndex={-1} className="fe-sr-only">
          {name || t('header.untitled')}
        </h1>
        <input
          className="name-input"
          aria-label={t('header.name')}
          value={name}
          placeholder={t('header.untitled')}
          onChange={(e) => setName(e.target.value)}
          size={Math.max(10, Math.min(48, name.length + 1))}
        />
        <span className="fe-chip" title={t('header.versionHelp')}>
          {version === null ? t('header.notSaved') : t('header.version', { version })}
        </span>
        {active ? (
          <span className="fe-chip fe-chip-good">{newer ? t('header.activeOther', { version: activeVersion }) : t('header.active')}</span>
        ) : flowId ? (
          <span className="fe-chip">{t('header.inactive')}</span>
        ) : null}
        {dirty ? (
          <span className="unsaved" role="status">
            <span className="unsaved-dot" aria-hidden="true" />
            {t('header.unsaved')}
          </span>
        ) : null}
      </div>
      <div className="editor-tools">
        {view === 'editor' ? (
          <div className="tool-group" role="group" aria-label={t('header.editTools')}>
            <button type="button" className="fe-icon-button" onClick={undo} disabled={!canUndo} aria-label={t('header.undo')} title={t('header.undoKeys')}>
              <ToolbarIcon name="undo" />
            </button>
            <button type="button" className="fe-icon-button" onClick={redo} disabled={!canRedo} aria-label={t('header.redo')} title={t('header.redoKeys')}>
              <ToolbarIcon name="redo" />
            </button>
            <button type="button" onClick={layout} title={t('header.layoutHelp')}>
              <ToolbarIcon name="layout" />
              {t('header.layout')}
            </button>
          </div>
        ) : null}
        <button type="button" className="fe-primary" onClick={() => void actions.save()} disabled={busy !== null || (flowId !== null && !dirty)}>
          {busy === 'saving' ? t('header.saving') : t('header.save')}
        </button>
        {newer ? (
          <button type="button" onClick={() => void actions.activate()} disabled={busy !== null}>
            {t('header.activateVersion', { version })}
          </button>
        ) : null}
        <label className="fe-switch">
          <button
            type="button"
            role="switch"
            aria-checked={active}
            aria-label={t('header.activeSwitch')}
            disabled={busy !== null}
            onClick={() => void (active ? actions.deactivate() : actions.activate())}
          >
            <span className="fe-switch-knob" aria-hidden="true" />
          </button>
          <span aria-hidden="true">{active ? t('header.on') : t('header.off')}</span>
        </label>
      </div>
      <nav className="view-tabs" role="tablist" aria-label={t('header.views')}>
        {(['editor', 'runs'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            id={`${viewTabId}-${v}`}
            aria-selected={view === v}
            onClick={() => onView(v)}
            disabled={v === 'runs' && !flowId}
          >
            {t(`header.view.${v}`)}
          </button>
        ))}
      </nav>
    </header>
  );
}
