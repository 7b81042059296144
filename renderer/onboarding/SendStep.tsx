import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformLabels, type ConnectionDto, type TestDeliveryDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';

/**
 * Step 3: a sample order that Flowdesk signs with the connection's secret and sends to its own
 * webhook listener (`connections.sendTestDelivery`), so it is checked and processed as a real one.
 */
export function SendStep({ connections, done, onSent }: { connections: readonly ConnectionDto[]; done: boolean; onSent: (sent: TestDeliveryDto) => void }) {
  const { t } = useTranslation('guide');
  const client = useApiClient();
  const ids = { connection: useId(), order: useId() };
  const [chosen, setChosen] = useState<string | null>(null);
  const [orderId, setOrderId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const connection = connections.find((c) => c.id === chosen) ?? connections[0];

  if (!connection) return <p>{t('send.needConnection')}</p>;
  const platform = platformLabels[connection.platform];
  const needsOrderId = connection.platform === 'lazada';

  async function send(): Promise<void> {
    if (!connection) return;
    setBusy(true);
    setError(null);
    try {
      onSent(await client.call('connections.sendTestDelivery', { connectionId: connection.id, ...(needsOrderId && orderId.trim() ? { orderId: orderId.trim() } : {}) }));
    } catch (e) {
      setError(t('send.failed', { message: toApiError(e).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {done ? null : <p>{t('send.lead', { platform })}</p>}
      <div className="guide-send">
        {connections.length > 1 ? (
          <div className="guide-field">
            <label htmlFor={ids.connection}>{t('send.connection')}</label>
            <select id={ids.connection} value={connection.id} onChange={(e) => setChosen(e.target.value)}>
              {connections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({platformLabels[c.platform]})
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {needsOrderId ? (
          <div className="guide-field">
            <label htmlFor={ids.order}>{t('send.lazadaOrder')}</label>
            <input id={ids.order} type="text" inputMode="numeric" value={orderId} onChange={(e) => setOrderId(e.target.value)} />
          </div>
        ) : null}
        <button type="button" className={done ? undefined : 'button-primary'} disabled={busy || (needsOrderId && orderId.trim() === '')} onClick={() => void send()}>
          {busy ? t('send.sending') : t('send.button')}
        </button>
      </div>
      {needsOrderId ? <p className="guide-note">{t('send.lazadaNote')}</p> : null}
      {connection.platform === 'shopify' ? <p className="guide-note">{t('send.shopifyOwn')}</p> : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
