import { useTranslation } from 'react-i18next';
import type { CustomerMessageDto } from '../../engine/contract/index.ts';
import { pageHref } from '../app/routes.ts';
import { Badge } from '../components/Badge.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { outcomeTone } from '../timeline/timeline-entry-view.ts';
import { timelineSentence } from '../timeline/timeline-sentence.ts';

const channels = ['email', 'sms', 'zalo', 'messenger', 'telegram'] as const;

/** The channel a message step used, from its node type ("sms.send_esms" → SMS). */
function channelOf(nodeType: string): (typeof channels)[number] | null {
  const prefix = nodeType.split('.')[0];
  return channels.find((c) => c === prefix) ?? null;
}

/** Messages the flows sent the customer, or skipped and why (no phone, outside Zalo's window…), newest first. */
export function CustomerMessages({ messages }: { messages: readonly CustomerMessageDto[] }) {
  const { t } = useTranslation('customers');
  const { t: to } = useTranslation('orders');
  return (
    <section className="order-card" aria-labelledby="customer-messages-heading">
      <h2 id="customer-messages-heading">
        {t('page.messages')} <span className="muted">({messages.length})</span>
      </h2>
      {messages.length === 0 ? (
        <p className="muted">{t('page.noMessages')}</p>
      ) : (
        <ul className="customer-messages" aria-label={t('page.messages')}>
          {messages.map(({ entry, orderNumber }) => {
            const d = entry.data?.kind === 'step' ? entry.data : null;
            if (!d) return null;
            const channel = channelOf(d.nodeType);
            return (
              <li key={entry.id} className={`customer-message outcome-${d.status}`}>
                <span className="customer-message-channel">{channel ? t(`channel.${channel}`) : d.nodeType}</span>
                <Badge value={to(`timeline.outcome.${d.status}`)} tone={outcomeTone[d.status]} />
                <span className="customer-message-what">{timelineSentence(entry, to)}</span>
                <a className="mono" href={pageHref('orders', entry.orderId)}>
                  {orderNumber}
                </a>
                <Timestamp iso={entry.at} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
