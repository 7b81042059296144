import { allowedHoursSpec, waitForSpec, waitUntilDateSpec, waitUntilFieldSpec } from '../../contract/index.ts';
import { defineNodeType, type NodeType, type StepResult } from '../node-type.ts';
import { readPath } from '../logic/compare.run.ts';
import { nextAllowed } from './allowed-window.ts';
import { parseZoned } from './zoned-time.ts';

const unitMs = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** Goes on at once when the time has come already; otherwise parks the run until it. */
function waitUntil(untilMs: number, nowMs: number, input: unknown): StepResult {
  const output = { until: new Date(untilMs).toISOString() };
  if (untilMs <= nowMs) return { status: 'done', port: 'out', input, output: { ...output, passed: true } };
  return { status: 'done', port: 'out', input, output, intents: [{ kind: 'run.wait', untilMs }] };
}

export const waitForNode = defineNodeType(waitForSpec, async ({ params, nowMs }) =>
  waitUntil(nowMs + params.amount * unitMs[params.unit], nowMs, { amount: params.amount, unit: params.unit }),
);

export const waitUntilDateNode = defineNodeType(waitUntilDateSpec, async ({ params, nowMs, render }) => {
  const text = await render(params.date);
  const untilMs = parseZoned(text, params.timeZone);
  if (untilMs === null) return { status: 'skipped', port: 'out', reason: `"${text}" is not a date`, code: 'not_a_date', args: { text }, input: { date: text } };
  return waitUntil(untilMs, nowMs, { date: text, timeZone: params.timeZone });
});

export const waitUntilFieldNode = defineNodeType(waitUntilFieldSpec, async ({ params, data, nowMs }) => {
  const value = readPath(data, params.field);
  const base = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  const input = { field: params.field, value: value ?? null, offset: `${params.direction === 'after' ? '+' : '-'}${params.offsetAmount} ${params.offsetUnit}` };
  if (Number.isNaN(base)) {
    return { status: 'skipped', port: 'out', reason: `${params.field} is ${value === undefined || value === null ? 'empty' : 'not a date'}`, code: value === undefined || value === null ? 'date_field_empty' : 'date_field_not_date', args: { field: params.field }, input };
  }
  const offset = params.offsetAmount * unitMs[params.offsetUnit] * (params.direction === 'after' ? 1 : -1);
  return waitUntil(base + offset, nowMs, input);
});

export const allowedHoursNode = defineNodeType(allowedHoursSpec, async ({ params, nowMs }) => {
  const input = { from: params.from, to: params.to, timeZone: params.timeZone, days: params.days };
  const next = nextAllowed(nowMs, params);
  if (next === null) return { status: 'skipped', port: 'out', reason: 'no day is allowed', code: 'no_allowed_day', input };
  return waitUntil(next, nowMs, input);
});

export const timingNodes: readonly NodeType[] = [waitForNode, waitUntilDateNode, waitUntilFieldNode, allowedHoursNode];
