import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/useApiClient.ts';
import { formatTime } from '../app/format.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { prettyBody } from './pretty-body.ts';
import './raw-request.css';

/** A delivery exactly as the listener received it (`inbox.get`): request line, headers, body (JSON indented on request). */
export function RawRequest({ inboxId }: { inboxId: number }) {
  const { t } = useTranslation('orders');
  const client = useApiClient();
  const load = useCallback(() => client.call('inbox.get', { id: inboxId }), [client, inboxId]);
  const raw = useApiQuery(load);
  const [pretty, setPretty] = useState(false);
  const d = raw.data;

  if (!d) {
    return (
      <LoadNotice
        loading={raw.loading}
        error={raw.error}
        empty
        texts={{ loading: t('raw.loading'), empty: '', failed: (message) => t('raw.failed', { message }), retry: t('raw.retry') }}
        onRetry={raw.reload}
      />
    );
  }
  const headers = Object.entries(d.headers).sort(([a], [b]) => a.localeCompare(b));
  // Engines with data retention say when they dropped the body (`bodyPrunedAt`); older ones never do.
  const prunedAt = 'bodyPrunedAt' in d && typeof d.bodyPrunedAt === 'string' ? d.bodyPrunedAt : null;
  // The body is shown exactly as received; a JSON body can be indented for reading, on request.
  const indented = d.bodyEncoding === 'utf8' ? prettyBody(d.body) : d.body;
  const json = indented !== d.body;
  return (
    <section className="raw-request" aria-label={t('raw.label', { id: d.id })}>
      <h4>{t('raw.request')}</h4>
      <p className="mono raw-request-line">
        {d.method} {d.path} <span className="muted">· HTTP {d.httpStatus}</span>
      </p>
      <h4>{t('raw.headers')}</h4>
      <table className="raw-headers" aria-label={t('raw.headers')}>
        <tbody>
          {headers.map(([name, value]) => (
            <tr key={name}>
              <th scope="row" className="mono">
                {name}
              </th>
              <td className="mono">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>
        {d.bodyEncoding === 'base64' ? t('raw.bodyBase64') : t('raw.body')}{' '}
        <span className="muted">({t('raw.bytes', { count: d.bodySize })})</span>
        {json && !prunedAt ? (
          <button type="button" className="link-button raw-pretty" aria-pressed={pretty} onClick={() => setPretty((p) => !p)}>
            {t('raw.pretty')}
          </button>
        ) : null}
      </h4>
      {prunedAt ? (
        <p className="raw-pruned">{t('raw.pruned', { when: formatTime(prunedAt) })}</p>
      ) : (
        <pre className="raw-body" tabIndex={0} aria-label={t('raw.body')}>
          {d.body === '' ? t('raw.empty') : pretty ? indented : d.body}
        </pre>
      )}
    </section>
  );
}
