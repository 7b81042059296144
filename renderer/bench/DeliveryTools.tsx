import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxEntryDto, ReverifyDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { Badge } from '../components/Badge.tsx';
import { verdictTone } from '../timeline/verdict-tones.ts';
import { DiffDialog } from './DiffDialog.tsx';
import { downloadCapture } from './download.ts';
import { ReplayDialog } from './ReplayDialog.tsx';
import { useDeliveryRuns } from './useDeliveryRuns.ts';
import { DeliveryRuns } from './DeliveryRuns.tsx';
import './bench.css';

/**
 * What a tester does with one delivery: check its signature again, save it as a capture file,
 * replay it, and compare it run on the current version with the run it had.
 */
export function DeliveryTools({ delivery }: { delivery: InboxEntryDto }) {
  const { t } = useTranslation('bench');
  const { t: ti } = useTranslation('inbox');
  const client = useApiClient();
  const runs = useDeliveryRuns(delivery);
  const [verify, setVerify] = useState<{ busy: boolean; result: ReverifyDto | null; error: string | null }>({ busy: false, result: null, error: null });
  const [exportError, setExportError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'replay' } | { kind: 'diff'; flowId: string } | null>(null);
  // Webhooks carry a signature to check; a delivery fetched through the API (reconciled, polled) has none.
  const signed = delivery.source === 'webhook';

  async function verifyAgain() {
    setVerify({ busy: true, result: null, error: null });
    try {
      setVerify({ busy: false, result: await client.call('inbox.verify', { id: delivery.id }), error: null });
    } catch (e) {
      setVerify({ busy: false, result: null, error: toApiError(e).message });
    }
  }

  async function exportIt() {
    setExportError(null);
    try {
      downloadCapture(await client.call('inbox.export', { ids: [delivery.id] }), `delivery-${delivery.id}`);
    } catch (e) {
      setExportError(toApiError(e).message);
    }
  }

  const firstFlow = runs.data?.[0]?.flowId ?? '';
  return (
    <section className="bench-tools" aria-label={t('tools.label')}>
      <div className="bench-buttons">
        {signed ? (
          <button type="button" disabled={verify.busy} onClick={() => void verifyAgain()}>
            {verify.busy ? t('tools.verifying') : t('tools.verify')}
          </button>
        ) : null}
        <button type="button" onClick={() => void exportIt()}>
          {t('tools.export')}
        </button>
        <button type="button" className="button-primary" onClick={() => setDialog({ kind: 'replay' })}>
          {t('tools.replay')}
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'diff', flowId: firstFlow })}>
          {t('tools.compare')}
        </button>
      </div>
      {verify.result ? (
        <p className="bench-verdict" role="status">
          {t('tools.verifiedNow')} <Badge value={ti(`verdict.${verify.result.verdict}`)} tone={verdictTone[verify.result.verdict]} />
          {verify.result.reason ? <span className="muted"> {verify.result.reason}</span> : null}
        </p>
      ) : null}
      {verify.error ? <p className="bench-error" role="alert">{t('tools.verifyFailed', { message: verify.error })}</p> : null}
      {exportError ? <p className="bench-error" role="alert">{t('tools.exportFailed', { message: exportError })}</p> : null}
      <DeliveryRuns runs={runs} onCompare={(flowId) => setDialog({ kind: 'diff', flowId })} />
      {dialog?.kind === 'replay' ? <ReplayDialog delivery={delivery} onClose={() => setDialog(null)} onReplayed={runs.reload} /> : null}
      {dialog?.kind === 'diff' ? <DiffDialog inboxId={delivery.id} initialFlowId={dialog.flowId} ranFlows={runs.data ?? []} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
