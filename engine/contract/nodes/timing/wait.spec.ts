import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const TimeZone = z
  .string()
  .default('Asia/Ho_Chi_Minh')
  .refine(isTimeZone, 'a time zone such as Asia/Ho_Chi_Minh')
  .meta({ title: 'Time zone' });

const Unit = z.enum(['minutes', 'hours', 'days']).default('days').meta({ title: 'Unit' });

export const WaitForParams = z.object({
  amount: z.number().int().min(1, 'at least 1').max(100_000).default(1).meta({ title: 'Wait' }),
  unit: Unit,
});
export type WaitForParams = z.infer<typeof WaitForParams>;

export const WaitUntilDateParams = z.object({
  date: z
    .string()
    .min(1, 'enter a date')
    .max(500)
    .meta({ title: 'Until', description: 'A date and time, e.g. 2026-12-24 08:00, or Liquid that renders one', widget: 'template' }),
  timeZone: TimeZone,
});
export type WaitUntilDateParams = z.infer<typeof WaitUntilDateParams>;

export const WaitUntilFieldParams = z.object({
  field: z
    .string()
    .min(1, 'choose a date field')
    .max(200)
    .default('event.occurredAt')
    .meta({ title: 'Date field', description: 'A date of the order or customer, e.g. order.createdAt or event.occurredAt' }),
  offsetAmount: z.number().int().min(0).max(100_000).default(3).meta({ title: 'Offset' }),
  offsetUnit: Unit,
  direction: z.enum(['after', 'before']).default('after').meta({ title: 'Direction' }),
});
export type WaitUntilFieldParams = z.infer<typeof WaitUntilFieldParams>;

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 08:00');
export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;

export const AllowedHoursParams = z.object({
  from: Clock.default('08:00').meta({ title: 'From' }),
  to: Clock.default('21:00').meta({ title: 'To' }),
  timeZone: TimeZone,
  days: z
    .array(Weekday)
    .default(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
    .meta({ title: 'Days', description: 'The days messages may go out on' }),
});
export type AllowedHoursParams = z.infer<typeof AllowedHoursParams>;

function waitSpec<P extends z.ZodType>(type: string, label: string, description: string, params: P) {
  return defineNodeSpec({ type, version: 1, label, description, category: 'action', connector: 'timing', icon: 'wait', inputs: [IN_PORT], outputs: [OUT_PORT], params });
}

export const waitForSpec = waitSpec('timing.wait_for', 'Wait', 'Wait a number of minutes, hours or days, then go on.', WaitForParams);
export const waitUntilDateSpec = waitSpec('timing.wait_until_date', 'Wait until a date', 'Wait until a date and time, then go on.', WaitUntilDateParams);
export const waitUntilFieldSpec = waitSpec(
  'timing.wait_until_field',
  'Wait until a date of the order',
  'Wait until a date of the order or customer, with an offset (e.g. 3 days after it), then go on.',
  WaitUntilFieldParams,
);
export const allowedHoursSpec = waitSpec(
  'timing.allowed_hours',
  'Only within allowed hours',
  'Go on at once inside the allowed hours; otherwise wait for the next allowed window.',
  AllowedHoursParams,
);
