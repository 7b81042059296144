import { useCallback, useState } from 'react';
import { InboxVerdict, type InboxEntryDto } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useLiveList } from '../api/useLiveList.ts';
import { humanize } from '../app/format.ts';
import { useConnectionNames } from '../app/useConnectionNames.ts';
import { Badge, type BadgeTone } from '../components/Badge.tsx';
import { Field } from '../components/Field.tsx';
import { ListStatus } from '../components/ListStatus.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Timestamp } from '../components/Timestamp.tsx';

const limit = 200;

const verdictTone: Record<InboxVerdict, BadgeTone> = {
  accepted: 'good',
  duplicate: 'neutral',
  ignored_topic: 'neutral',
  ping: 'neutral',
  bad_signature: 'bad',
  unknown_connection: 'bad',
  too_large: 'warn',
  malformed: 'warn',
};

/** Every webhook delivery the listener received, newest first, with what it decided. */
export function InboxPage() {
  const client = useApiClient();
  const names = useConnectionNames();
  const [verdict, setVerdict] = useState<InboxVerdict | ''>('');
  const load = useCallback(
    () => client.call('inbox.list', { limit, ...(verdict ? { verdict } : {}) }),
    [client, verdict],
  );
  const acceptNew = useCallback((row: InboxEntryDto) => !verdict || row.verdict === verdict, [verdict]);
  const list = useLiveList({ load, event: 'delivery.received', key: (row) => row.id, acceptNew, limit });
  const rows = list.rows ?? [];

  return (
    <>
      <PageHeader title="Inbox">
        <Field label="Verdict">
          {(id) => (
            <select id={id} value={verdict} onChange={(e) => setVerdict(e.target.value as InboxVerdict | '')}>
              <option value="">All verdicts</option>
              {InboxVerdict.options.map((v) => (
                <option key={v} value={v}>
                  {humanize(v)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </PageHeader>
      <ListStatus
        what="the inbox"
        loading={list.loading}
        error={list.error}
        empty={rows.length === 0}
        emptyText={verdict ? 'No deliveries with this verdict.' : 'No webhook deliveries yet.'}
        onRetry={list.reload}
      />
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table aria-label="Webhook deliveries" aria-busy={list.loading}>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Connection</th>
                <th scope="col">Topic</th>
                <th scope="col">Verdict</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="nowrap">
                    <Timestamp iso={row.receivedAt} />
                  </td>
                  <td>{row.connectionId ? (names.get(row.connectionId) ?? row.connectionId) : <span className="muted">—</span>}</td>
                  <td className="mono">{row.topic ?? <span className="muted">—</span>}</td>
                  <td>
                    <Badge value={row.verdict} tone={verdictTone[row.verdict]} />
                  </td>
                  <td className="reason">{row.reason ?? row.outcome ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
