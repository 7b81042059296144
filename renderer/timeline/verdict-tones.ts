import type { InboxProcessing, InboxVerdict } from '../../engine/contract/index.ts';
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
