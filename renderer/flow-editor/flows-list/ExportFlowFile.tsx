import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowSummaryDto } from '../../../engine/contract/index.ts';
import { toApiError } from '../../api/api-error.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { downloadFlowFile, flowFileName } from '../versions/download-file.ts';
import { Dialog } from './Dialog.tsx';

/**
 * "Export" beside "Open a flow file": the chosen flow's latest version as a flow file, as
 * `flows export` writes it (secrets left out, listed as what the file needs), downloaded as .json.
 */
export function ExportFlowFile({ flows, onError }: { flows: readonly FlowSummaryDto[]; onError: (message: string | null) => void }) {
  const { t } = useTranslation('flows');
  const client = useApiClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const flow = flows.find((f) => f.id === chosen) ?? flows[0];

  async function exportFlow(): Promise<void> {
    if (!flow) return;
    onError(null);
    setBusy(true);
    try {
      const file = await client.call('flows.export', { id: flow.id });
      downloadFlowFile(file, flowFileName(flow.name, flow.latestVersion));
      setOpen(false);
    } catch (e) {
      onError(t('exportFile.failed', { name: flow.name, message: toApiError(e).message }));
      setOpen(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="fe-button" disabled={flows.length === 0} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('exportFile.button')}
      </button>
      {open && flow ? (
        <Dialog
          title={t('exportFile.title')}
          confirm={{ label: busy ? t('exportFile.busy') : t('exportFile.confirm'), disabled: busy }}
          cancelLabel={t('dialog.cancel')}
          onConfirm={() => void exportFlow()}
          onClose={() => setOpen(false)}
        >
          <div className="field">
            <label htmlFor={id}>{t('exportFile.which')}</label>
            <select id={id} value={flow.id} onChange={(e) => setChosen(e.target.value)}>
              {flows.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <p className="muted">{t('exportFile.note')}</p>
        </Dialog>
      ) : null}
    </>
  );
}
