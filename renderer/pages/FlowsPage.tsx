import '../flow-editor/controls.css';
import '../flow-editor/flows-list/flows-list.css';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowSummaryDto } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { pageHref } from '../app/routes.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { ListStatus } from '../components/ListStatus.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { DeleteDialog, RenameDialog } from '../flow-editor/flows-list/FlowDialogs.tsx';
import { FlowsTable, type FlowRowAction } from '../flow-editor/flows-list/FlowsTable.tsx';
import { useFlowListActions } from '../flow-editor/flows-list/useFlowListActions.ts';
import { newFlowId } from '../flow-editor/new-flow.ts';
import { OpenFlowFile } from '../flow-editor/flows-list/OpenFlowFile.tsx';
import { ExportFlowFile } from '../flow-editor/flows-list/ExportFlowFile.tsx';
import { TemplatesButton } from '../flow-editor/gallery/TemplatesButton.tsx';

const refreshOn = ['run.finished'] as const;

/** `#/flows`: every flow, turned on or off here, opened in the editor, renamed, copied, deleted. */
export function FlowsPage() {
  const { t } = useTranslation('flows');
  const client = useApiClient();
  const load = useCallback(() => client.call('flows.list', {}), [client]);
  const flows = useApiQuery(load, refreshOn);
  const rows = flows.data ?? [];
  const [dialog, setDialog] = useState<{ flow: FlowSummaryDto; action: Exclude<FlowRowAction, 'duplicate'> } | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { reload } = flows;
  const done = useCallback(() => {
    setSwitching(null);
    reload();
  }, [reload]);
  const actions = useFlowListActions(done, setError);

  function onAction(flow: FlowSummaryDto, action: FlowRowAction) {
    setError(null);
    if (action === 'duplicate') void actions.duplicate(flow);
    else setDialog({ flow, action });
  }

  return (
    <>
      <PageHeader title={t('title')}>
        <TemplatesButton />
        <OpenFlowFile onError={setError} />
        <ExportFlowFile flows={rows} onError={setError} />
        <a className="fe-button fe-primary" href={pageHref('flows', newFlowId)}>
          {t('create')}
        </a>
      </PageHeader>
      {error ? (
        <div className="notice notice-error" role="alert">
          <p>{error}</p>
          <button type="button" onClick={() => setError(null)}>
            {t('dialog.dismiss')}
          </button>
        </div>
      ) : null}
      <ListStatus what={t('what')} loading={flows.loading} error={flows.error} empty={rows.length === 0} emptyText={t('empty')} onRetry={flows.reload} />
      {rows.length > 0 ? (
        <FlowsTable
          flows={rows}
          busy={flows.loading}
          switching={switching}
          onToggle={(flow, active) => {
            setError(null);
            setSwitching(flow.id);
            void actions.setActive(flow, active);
          }}
          onAction={onAction}
        />
      ) : null}
      {dialog?.action === 'rename' ? (
        <RenameDialog
          flow={dialog.flow}
          onClose={() => setDialog(null)}
          onRename={(name) => {
            setDialog(null);
            void actions.rename(dialog.flow, name);
          }}
        />
      ) : null}
      {dialog?.action === 'delete' ? (
        <DeleteDialog
          flow={dialog.flow}
          onClose={() => setDialog(null)}
          onDelete={() => {
            setDialog(null);
            void actions.remove(dialog.flow);
          }}
        />
      ) : null}
    </>
  );
}
