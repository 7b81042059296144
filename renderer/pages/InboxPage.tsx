import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InboxVerdict, type InboxEntryDto } from '../../engine/contract/index.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useLiveList } from '../api/useLiveList.ts';
import { useConnectionNames } from '../app/useConnectionNames.ts';
import { useHashRoute } from '../app/useHashRoute.ts';
import { Badge } from '../components/Badge.tsx';
import { Field } from '../components/Field.tsx';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { DeliveryPanel } from '../timeline/DeliveryPanel.tsx';
import { sourceTone, verdictTone } from '../timeline/verdict-tones.ts';
import '../timeline/ui.css';

const limit = 200;

function idFromRoute(id: string | null): number | null {
  const n = id === null ? NaN : Number(id);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * Every webhook delivery the listener received, newest first, with what it decided. One opens
 * beside the list with its reason and raw request; `#/inbox/<id>` opens it directly.
 */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const client = useApiClient();
  const names = useConnectionNames();
  const route = useHashRoute();
  const [verdict, setVerdict] = useState<InboxVerdict | ''>('');
  const [open, setOpen] = useState<number | null>(() => idFromRoute(route.id));
  const openers = useRef(new Map<number, HTMLButtonElement>());
  const load = useCallback(
    () => client.call('inbox.list', { limit, ...(verdict ? { verdict } : {}) }),
    [client, verdict],
  );
  const acceptNew = useCallback((row: InboxEntryDto) => !verdict || row.verdict === verdict, [verdict]);
  const list = useLiveList({ load, event: 'delivery.received', key: (row) => row.id, acceptNew, limit });
  const rows = list.rows ?? [];

  useEffect(() => setOpen(idFromRoute(route.id)), [route.id]);

  const close = () => {
    const was = open;
    setOpen(null);
    if (was !== null) openers.current.get(was)?.focus();
  };
  const connectionName = (id: string) => names.get(id) ?? id;

  return (
    <>
      <PageHeader title={t('title')}>
        <Field label={t('filter.label')}>
          {(id) => (
            <select id={id} value={verdict} onChange={(e) => setVerdict(e.target.value as InboxVerdict | '')}>
              <option value="">{t('filter.all')}</option>
              {InboxVerdict.options.map((v) => (
                <option key={v} value={v}>
                  {t(`verdict.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </PageHeader>
      <LoadNotice
        loading={list.loading}
        error={list.error}
        empty={rows.length === 0}
        texts={{
          loading: t('list.loading'),
          empty: verdict ? t('list.noMatch') : t('list.empty'),
          failed: (message) => t('list.failed', { message }),
          retry: t('list.retry'),
        }}
        onRetry={list.reload}
      />
      <div className={open !== null ? 'inbox-split' : undefined}>
        {rows.length > 0 ? (
          <div className="table-wrap">
            <table aria-label={t('list.label')} aria-busy={list.loading}>
              <thead>
                <tr>
                  <th scope="col">{t('columns.received')}</th>
                  <th scope="col" className="inbox-wide">
                    {t('columns.connection')}
                  </th>
                  <th scope="col">{t('columns.topic')}</th>
                  <th scope="col">{t('columns.source')}</th>
                  <th scope="col">{t('columns.verdict')}</th>
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
                    <td className="inbox-wide">{row.connectionId ? connectionName(row.connectionId) : <span className="muted">—</span>}</td>
                    <td className="mono">{row.topic ?? <span className="muted">—</span>}</td>
                    <td>
                      <Badge value={t(`source.${row.source}`)} tone={sourceTone[row.source]} />
                    </td>
                    <td>
                      <Badge value={t(`verdict.${row.verdict}`)} tone={verdictTone[row.verdict]} />
                    </td>
                    <td className="reason inbox-wide">{row.reason ?? row.outcome ?? ''}</td>
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
