import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/useApiClient.ts';
import { FlowPicker } from '../FlowPicker.tsx';
import { useRunnableFlows, useStartsOnOrders } from '../useRunnableFlows.ts';
import { BatchPanel, useBatchStart } from './BatchPanel.tsx';
import { BulkRunConfirm } from './BulkRunConfirm.tsx';
import { bulkScope } from './bulk-scope.ts';

export interface BulkRunProps {
  /** The orders the list shows now, in its order: what a run starts on. */
  orderIds: readonly string[];
  /** The list's search ('' for none). */
  query: string;
  /** The list holds as many orders as it can: the search may find more than it shows. */
  capped: boolean;
  /** The search is being typed or the list is loading: what it shows is about to change. */
  pending: boolean;
  onClose: () => void;
}

/**
 * The Orders page's "Run a flow on these orders": the orders the search shows (at most what the
 * list holds), a flow, a dry run or a real run (confirmed first, naming the flow and the count),
 * then the batch's progress with Cancel. The runs start on exactly the orders listed when asked.
 */
export function BulkRun({ orderIds, query, capped, pending, onClose }: BulkRunProps) {
  const { t } = useTranslation('manual-run');
  const client = useApiClient();
  const flowsQuery = useRunnableFlows();
  const [flowId, setFlowId] = useState('');
  const startsOnOrders = useStartsOnOrders(flowsQuery.data, flowId);
  // The orders a real run was confirmed for, frozen when asked: what the dialog names is what runs.
  const [confirming, setConfirming] = useState<readonly string[] | null>(null);
  const { busy, error, batch, again, start: startBatch } = useBatchStart();

  const flows = flowsQuery.data?.flows ?? [];
  const flow = flows.find((f) => f.id === flowId);
  const count = orderIds.length;
  const ready = flow !== undefined && startsOnOrders !== false && !busy && !pending && count > 0;

  async function start(ids: readonly string[], dryRun: boolean) {
    setConfirming(null);
    await startBatch(() => client.call('runs.manual', { flowId, orderIds: [...ids], dryRun }), (message) => t('failed', { message }));
  }

  const scope = bulkScope({ pending, count, capped, query });

  return (
    <BatchPanel
      title={t('bulk.title')}
      closeLabel={t('bulk.close')}
      onClose={onClose}
      batch={batch}
      onAnother={again}
      footer={confirming && flow ? <BulkRunConfirm flowName={flow.name} count={confirming.length} onConfirm={() => void start(confirming, false)} onCancel={() => setConfirming(null)} /> : null}
    >
      <>
      <p className="bulk-run-scope" role="status">
        {t(`bulk.${scope.key}`, scope.values)}
      </p>
      {flowsQuery.error ? <p className="bulk-run-error">{t('loadFailed', { message: flowsQuery.error.message })}</p> : null}
      {flowsQuery.loading && !flowsQuery.data ? <p className="muted">{t('loading')}</p> : null}
      {flowsQuery.data && flows.length === 0 ? <p className="muted">{t('noFlows')}</p> : null}
      {flows.length > 0 ? (
        <div className="bulk-run-form">
          <FlowPicker flows={flows} value={flowId} onChange={setFlowId} className="bulk-run-field" />
          <div className="bulk-actions">
            <button type="button" disabled={!ready} onClick={() => void start(orderIds, true)}>
              {t('dryRun')}
            </button>
            <button type="button" className="button-primary" disabled={!ready} onClick={() => setConfirming([...orderIds])}>
              {t('run')}
            </button>
            {busy ? <span className="muted" role="status">{t('working')}</span> : null}
          </div>
        </div>
      ) : null}
      {startsOnOrders === false ? <p className="bulk-run-error">{t('notOnOrders')}</p> : flows.length > 0 ? <p className="bulk-note muted">{t('bulk.hint')}</p> : null}
      {error ? <p className="bulk-run-error" role="alert">{error}</p> : null}
      </>
    </BatchPanel>
  );
}
