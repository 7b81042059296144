import { z } from 'zod';
import { ActivationConditions } from '../orders/order-triggers.spec.ts';
import { TimeZone, Weekday } from '../timing/wait.spec.ts';
import { defineNodeSpec, OUT_PORT } from '../node-spec.ts';

/** How often a schedule fires: words a shop owner uses, not a cron expression. */
export const ScheduleEvery = z.enum(['hour', 'day', 'week', 'month']);
export type ScheduleEvery = z.infer<typeof ScheduleEvery>;

export const ScheduleParams = z
  .object({
    every: ScheduleEvery.default('day').meta({ title: 'Repeat every', description: 'Hour, day, week or month' }),
    at: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 08:00')
      .default('08:00')
      .meta({ title: 'At', description: 'The time of day, e.g. 08:00 (every hour: only the minutes count, 00:15 is a quarter past)' }),
    days: z
      .array(Weekday)
      .default([])
      .meta({ title: 'On days', description: 'Every week: the days it fires. Every day or hour: only on these days (none ticked: every day)' }),
    dayOfMonth: z
      .number()
      .int()
      .min(1)
      .max(31)
      .default(1)
      .meta({ title: 'Day of the month', description: 'Every month: the day it fires (a shorter month: its last day)' }),
    timeZone: TimeZone,
    when: ActivationConditions,
  })
  .superRefine((p, ctx) => {
    if (p.every === 'week' && p.days.length === 0) ctx.addIssue({ code: 'custom', path: ['days'], message: 'choose the days of the week it fires' });
  });
export type ScheduleParams = z.infer<typeof ScheduleParams>;

/**
 * A flow that starts on a schedule, with no order: "every day at 08:00 Asia/Ho_Chi_Minh".
 * While the flow is on, its next firing waits as a durable job; a firing missed while the app
 * was closed fires once, late, when it opens again (processing/schedules.ts).
 */
export const scheduleSpec = defineNodeSpec({
  type: 'schedule.repeat',
  version: 1,
  label: 'On a schedule',
  description: 'Every hour, day, week or month at a set time in your time zone; the run has no order.',
  category: 'trigger',
  connector: 'schedule',
  icon: 'clock',
  inputs: [],
  outputs: [OUT_PORT],
  params: ScheduleParams,
  triggers: ['schedule.fired'],
});
