import { scheduleSpec } from '../../contract/index.ts';
import { defineNodeType, type TriggerData } from '../node-type.ts';
import { activationVerdict } from '../orders/activation.ts';

/** What a firing adds to the event (contract: ScheduleFiredEvent). */
type FiringEvent = TriggerData['event'] & { scheduledFor?: string; late?: boolean; missed?: number };

/**
 * The schedule trigger's step: the firing it stands for (on time, or late with how many were
 * missed while the app was closed), unless its activation conditions say not this time.
 */
export const scheduleNode = defineNodeType(scheduleSpec, async ({ params, data, nowMs }) => {
  const event = data.event as FiringEvent;
  const input = { event: event.type, every: params.every, at: params.at, timeZone: params.timeZone, scheduledFor: event.scheduledFor ?? null };
  const { verdict, skip } = activationVerdict(params.when, data, nowMs, input);
  if (skip) return skip;
  return {
    status: 'done',
    port: 'out',
    input,
    output: { scheduledFor: event.scheduledFor ?? null, late: event.late ?? false, missed: event.missed ?? 0, ...(verdict ? { activation: verdict } : {}) },
  };
});
