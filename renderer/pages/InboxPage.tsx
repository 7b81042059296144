import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformLabels } from '../../engine/contract/index.ts';
import { useConnectionNames } from '../app/useConnectionNames.ts';
import { useHashRoute } from '../app/useHashRoute.ts';
import { BulkReplay } from '../bench/BulkReplay.tsx';
import { ImportCapture } from '../bench/ImportCapture.tsx';
import { InboxFilters } from '../bench/InboxFilters.tsx';
import { emptyFilterForm, isDuplicate, isFiltered, toDeliveryFilter, type FilterForm } from '../bench/inbox-filter.ts';
import { inboxReasonText } from '../bench/inbox-reason.ts';
import { useInboxSearch } from '../bench/useInboxSearch.ts';
import '../bench/bench.css';
import { Badge } from '../components/Badge.tsx';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { useDebounced } from '../orders/useDebounced.ts';
import { formatBytes } from '../settings/format-bytes.ts';
import { DeliveryPanel } from '../timeline/DeliveryPanel.tsx';
import { sourceTone, verdictTone } from '../timeline/verdict-tones.ts';
import '../timeline/ui.css';
import './inbox-table.css';

function idFromRoute(id: string | null): number | null {
  const n = id === null ? NaN : Number(id);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * Every delivery the listener received (and those fetched through a platform's API), newest
 * first, with what it decided; filtered and searched by the engine (`inbox.search`). One opens
 * beside the list with its raw request, its runs and the tester's tools; `#/inbox/<id>` opens
 * it directly. "Replay these…" takes what the filters find.
 */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const { t: tb } = useTranslation('bench');
  const names = useConnectionNames();
  const route = useHashRoute();
  const [form, setForm] = useState<FilterForm>(emptyFilterForm);
  // Typing in the search or topic box asks the engine once the typing stops.
  const settled = useDebounced(form, 250);
  const filter = useMemo(() => toDeliveryFilter(settled), [settled]);
  const [open, setOpen] = useState<number | null>(() => idFromRoute(route.id));
  const [bulk, setBulk] = useState(false);
  const openers = useRef(new Map<number, HTMLButtonElement>());
  const list = useInboxSearch(filter);
  const rows = list.rows;
  const filtered = isFiltered(filter);

  useEffect(() => setOpen(idFromRoute(route.id)), [route.id]);

  const close = () => {
    const was = open;
    setOpen(null);
    if (was !== null) openers.current.get(was)?.focus();
  };
  const connectionName = (id: string) => names.get(id) ?? id;
  const connections = [...names.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <PageHeader title={t('title')}>
        <ImportCapture />
        <button type="button" className="bulk-run-open" aria-expanded={bulk} onClick={() => setBulk((b) => !b)}>
          {tb('bulk.action')}
        </button>
      </PageHeader>
      <InboxFilters form={form} onChange={setForm} connections={connections} />
      {bulk ? <BulkReplay filter={filter} shown={rows.length} onClose={() => setBulk(false)} /> : null}
      <LoadNotice
        loading={list.loading}
        error={list.error}
        empty={rows.length === 0}
        texts={{
          loading: t('list.loading'),
          empty: filtered ? tb('list.noMatch') : t('list.empty'),
          failed: (message) => t('list.failed', { message }),
          retry: t('list.retry'),
        }}
        onRetry={list.reload}
      />
      <div className={open !== null ? 'inbox-split' : undefined}>
        {rows.length > 0 ? (
          <div>
            <div className="table-wrap">
              <table className="inbox-table" aria-label={t('list.label')} aria-busy={list.loading}>
                <thead>
                  <tr>
                    <th scope="col">{t('columns.received')}</th>
                    <th scope="col" className="inbox-wide">
                      {tb('columns.platform')}
                    </th>
                    <th scope="col" className="inbox-wide">
                      {t('columns.connection')}
                    </th>
                    <th scope="col">{t('columns.topic')}</th>
                    <th scope="col" className="inbox-wide">
                      {t('columns.source')}
                    </th>
                    <th scope="col">{t('columns.verdict')}</th>
                    <th scope="col" className="num inbox-wide">
                      {tb('columns.size')}
                    </th>
                    <th scope="col" className="inbox-wide">
                      {t('columns.reason')}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">{t('columns.open')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr
                      key={row.id}
                      className={row.id === open ? 'row-link inbox-row-open' : 'row-link'}
                      onClick={(e) => {
                        if (!(e.target as Element).closest('a, button')) setOpen(row.id);
                      }}
                    >
                      <td className="nowrap">
                        <Timestamp iso={row.receivedAt} />
                      </td>
                      <td className="nowrap inbox-wide">{row.platform ? platformLabels[row.platform] : <span className="muted">—</span>}</td>
                      <td className="inbox-wide" title={row.connectionId ? connectionName(row.connectionId) : undefined}>
                        {row.connectionId ? <span className="inbox-clip">{connectionName(row.connectionId)}</span> : <span className="muted">—</span>}
                      </td>
                      <td className="mono inbox-topic" title={row.topic ?? undefined}>
                        {row.topic ?? <span className="muted">—</span>}
                      </td>
                      <td className="inbox-wide">
                        <Badge value={t(`source.${row.source}`)} tone={sourceTone[row.source]} />
                      </td>
                      <td className="nowrap">
                        <Badge value={t(`verdict.${row.verdict}`)} tone={verdictTone[row.verdict]} />
                        {isDuplicate(row) && row.verdict !== 'duplicate' ? <span className="fe-chip fe-chip-small bench-dup">{tb('list.duplicate')}</span> : null}
                      </td>
                      <td className="num nowrap inbox-wide">{formatBytes(row.bodySize)}</td>
                      <td className="reason inbox-wide" title={row.reason ?? row.outcome ?? undefined}>
                        <span className="inbox-clip">{row.reason ? inboxReasonText(row.reason, t) : (row.outcome ?? '')}</span>
                      </td>
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          aria-label={t('list.open', { id: row.id })}
                          aria-pressed={row.id === open}
                          ref={(el) => {
                            if (el) openers.current.set(row.id, el);
                            else openers.current.delete(row.id);
                          }}
                          onClick={() => setOpen(row.id)}
                        >
                          #{row.id}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {list.hasOlder ? (
              <div className="bench-older">
                <button type="button" disabled={list.loadingOlder} onClick={list.loadOlder}>
                  {list.loadingOlder ? tb('list.loadingOlder') : tb('list.older')}
                </button>
                {list.olderError ? <span className="bench-error">{tb('list.olderFailed', { message: list.olderError })}</span> : null}
              </div>
            ) : null}
          </div>
        ) : null}
        {open !== null ? (
          <DeliveryPanel
            key={open}
            id={open}
            row={rows.find((r) => r.id === open)}
            connectionName={connectionName}
            onClose={close}
          />
        ) : null}
      </div>
    </>
  );
}
