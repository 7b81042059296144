import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowSummaryDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { pageHref } from '../app/routes.ts';
import { TemplateGallery } from '../flow-editor/gallery/TemplateGallery.tsx';

/** Step 2: a template from the gallery (it opens in the editor), and the flows there are, to turn on. */
export function FlowStep({ flows, done, onChanged }: { flows: readonly FlowSummaryDto[]; done: boolean; onChanged: () => void }) {
  const { t } = useTranslation('guide');
  const client = useApiClient();
  const [gallery, setGallery] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function activate(flow: FlowSummaryDto): Promise<void> {
    setBusy(flow.id);
    setError(null);
    try {
      await client.call('flows.activate', { id: flow.id });
      onChanged();
    } catch (e) {
      setError(t('flow.activateFailed', { name: flow.name, message: toApiError(e).message }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      {done ? null : <p>{t('flow.lead')}</p>}
      {flows.length > 0 ? (
        <ul className="guide-flows" aria-label={t('flow.listLabel')}>
          {flows.map((flow) => (
            <li key={flow.id}>
              <a href={pageHref('flows', flow.id)}>{flow.name}</a>
              <span className={`badge badge-${flow.activeVersion !== null ? 'good' : 'neutral'}`}>
                {flow.activeVersion !== null ? t('flow.on') : t('flow.off')}
              </span>
              {flow.activeVersion === null ? (
                <button type="button" disabled={busy !== null} onClick={() => void activate(flow)}>
                  {busy === flow.id ? t('flow.activating') : t('flow.activate')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="guide-actions">
        <button type="button" className={flows.length > 0 ? undefined : 'button-primary'} aria-haspopup="dialog" onClick={() => setGallery(true)}>
          {t('flow.gallery')}
        </button>
      </div>
      {gallery ? <TemplateGallery onClose={() => setGallery(false)} /> : null}
    </>
  );
}
