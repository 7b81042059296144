import { useCallback } from 'react';
import type { RunStatus } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { Badge, type BadgeTone } from '../components/Badge.tsx';
import { ListStatus } from '../components/ListStatus.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Timestamp } from '../components/Timestamp.tsx';

const runTone: Record<RunStatus, BadgeTone> = {
  queued: 'neutral',
  running: 'neutral',
  succeeded: 'good',
  failed: 'bad',
  skipped: 'neutral',
};

const refreshOn = ['run.finished'] as const;

/** The flows and their versions; the editor builds on this page. */
export function FlowsPage() {
  const client = useApiClient();
  const load = useCallback(() => client.call('flows.list', {}), [client]);
  const flows = useApiQuery(load, refreshOn);
  const rows = flows.data ?? [];

  return (
    <>
      <PageHeader title="Flows" />
      <ListStatus
        what="flows"
        loading={flows.loading}
        error={flows.error}
        empty={rows.length === 0}
        emptyText="No flows yet."
        onRetry={flows.reload}
      />
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table aria-label="Flows" aria-busy={flows.loading}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Active version</th>
                <th scope="col">Latest version</th>
                <th scope="col">Last run</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((flow) => (
                <tr key={flow.id}>
                  <td>{flow.name}</td>
                  <td>{flow.activeVersion === null ? <span className="muted">Off</span> : `v${flow.activeVersion}`}</td>
                  <td>v{flow.latestVersion}</td>
                  <td>
                    {flow.lastRun ? (
                      <span className="run">
                        <Badge value={flow.lastRun.status} tone={runTone[flow.lastRun.status]} />
                        <Timestamp iso={flow.lastRun.at} />
                      </span>
                    ) : (
                      <span className="muted">Never</span>
                    )}
                  </td>
                  <td className="nowrap">
                    <Timestamp iso={flow.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
