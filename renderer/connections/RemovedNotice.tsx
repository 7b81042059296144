import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pageHref } from '../app/routes.ts';
import type { RemoveResult } from './RemoveConnectionDialog.tsx';
import './remove-dialog.css';

/** What removing a connection did, from the engine's answer: the flows it really turned off. */
export function RemovedNotice({ result, onDismiss }: { result: RemoveResult; onDismiss: () => void }) {
  const { t } = useTranslation('connections');
  const box = useRef<HTMLDivElement>(null);
  const flows = result.deactivatedFlows;

  // The button that opened the confirmation is gone with its row: focus lands here instead.
  useEffect(() => box.current?.focus(), [result]);

  return (
    <div ref={box} className="conn-removed" role="status" tabIndex={-1}>
      <div>
        <p>
          {t('remove.done', { name: result.name })}{' '}
          {flows.length === 0 ? t('remove.noneTurnedOff') : t('remove.turnedOff', { count: flows.length })}
        </p>
        {flows.length > 0 ? (
          <ul>
            {flows.map((f) => (
              <li key={f.id}>
                <a href={pageHref('flows', f.id)}>{f.name}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <button type="button" onClick={onDismiss}>
        {t('remove.dismiss')}
      </button>
    </div>
  );
}
