import type { DeliverySource, InboxProcessing, InboxVerdict } from '../../engine/contract/index.ts';
import type { BadgeTone } from '../components/Badge.tsx';

export const verdictTone: Record<InboxVerdict, BadgeTone> = {
  accepted: 'good',
  duplicate: 'neutral',
  ignored_topic: 'neutral',
  not_a_delivery: 'bad',
  ping: 'neutral',
  bad_signature: 'bad',
  unknown_connection: 'bad',
  too_large: 'warn',
  malformed: 'warn',
};

export const processingTone: Record<InboxProcessing, BadgeTone> = {
  pending: 'neutral',
  processed: 'good',
  failed: 'warn',
  dead: 'bad',
  not_processed: 'neutral',
};

/** How a delivery came in: a webhook is the usual; one fetched through the API stands out a little. */
export const sourceTone: Record<DeliverySource, BadgeTone> = {
  webhook: 'neutral',
  reconciled: 'warn',
  polled: 'neutral',
  imported: 'neutral',
};
