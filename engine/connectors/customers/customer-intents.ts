import type { BuiltinCustomerField, Customer, CustomerFieldValue } from '../../contract/index.ts';
import type { Repositories } from '../../storage/repositories.ts';
import type { Timeline } from '../../domain/timeline.ts';
import type { Sequences } from '../../domain/sequences.ts';
import type { FlowStarts } from '../../domain/flow-starts.ts';
import { defineIntentHandler, type IntentContext, type IntentHandler } from '../../nodes/intents.ts';
import { SkipStepError } from '../../shared/errors.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** Sets a field of the customer: a built-in one by key, or the shop's own as `fields.<name>`; null clears it. */
    'customer.setField': { customerId: string; field: BuiltinCustomerField | `fields.${string}`; value: CustomerFieldValue };
    'customer.enrolSequence': { customerId: string; sequence: string };
    'customer.leaveSequence': { customerId: string; sequence: string };
    /** Starts a run of another flow's active version on the step's order. */
    'flow.start': { flowId: string; orderId: string };
  }
}

export interface CustomerConnectorDeps {
  repos: Repositories;
  timeline: Timeline;
  sequences: Sequences;
  flowStarts: FlowStarts;
}

const by = (ctx: IntentContext) => ({ runId: ctx.runId, flowId: ctx.flowId, flowName: ctx.flowName, atMs: ctx.atMs });

/** The customer with one field set; the value it had before. */
function withField(c: Customer, field: string, value: CustomerFieldValue): { next: Customer; previous: CustomerFieldValue } {
  if (field.startsWith('fields.')) {
    const name = field.slice('fields.'.length);
    const fields = { ...c.fields };
    if (value === null) delete fields[name];
    else fields[name] = value;
    return { next: { ...c, fields }, previous: c.fields[name] ?? null };
  }
  const key = field as BuiltinCustomerField;
  const previous = c[key];
  // "Email verified" is yes or no; the others hold text (an id, a phone, an ISO time) or nothing.
  const next = key === 'emailVerified' ? { ...c, emailVerified: value === true } : { ...c, [key]: value === null ? null : String(value) };
  return { next, previous };
}

/**
 * The customer actions' connector (in-app, like flowdesk/in-app-intents.ts): each change lands
 * in the transaction that records its step and says what it did on the order's timeline.
 */
export function customerIntentHandlers(d: CustomerConnectorDeps): IntentHandler[] {
  const { repos, timeline } = d;
  return [
    defineIntentHandler({
      kind: 'customer.setField',
      mode: 'local',
      describe: (i) => ({ field: i.field, value: i.value }),
      apply(intent, ctx) {
        const customer = repos.customers.get(intent.customerId);
        if (!customer) throw new Error(`customer ${intent.customerId} is gone`);
        const { next, previous } = withField(customer, intent.field, intent.value);
        repos.customers.update({ ...next, updatedAt: new Date(ctx.atMs).toISOString() });
        const entries = ctx.orderId
          ? [timeline.append(ctx.orderId, ctx.atMs, { kind: 'customer_field', field: intent.field, value: intent.value, previous, flowName: ctx.flowName }, { runId: ctx.runId })]
          : [];
        return { result: { previous }, entries };
      },
    }),
    defineIntentHandler({
      kind: 'customer.enrolSequence',
      mode: 'local',
      describe: (i) => ({ sequence: i.sequence }),
      apply(intent, ctx) {
        const done = d.sequences.enrol(intent.customerId, intent.sequence, ctx.orderId, by(ctx));
        return { result: done.enrolled ? { enrolled: true, runs: done.runs } : { enrolled: false, already: true }, entries: done.entries };
      },
    }),
    defineIntentHandler({
      kind: 'customer.leaveSequence',
      mode: 'local',
      describe: (i) => ({ sequence: i.sequence }),
      apply(intent, ctx) {
        const done = d.sequences.leave(intent.customerId, intent.sequence, ctx.orderId, by(ctx));
        return { result: { left: done.left, cancelled: done.cancelled }, entries: done.entries };
      },
    }),
    defineIntentHandler({
      kind: 'flow.start',
      mode: 'local',
      // A dry run says which flow it would start, by name.
      describe: (i) => ({ flow: repos.flows.get(i.flowId)?.name ?? i.flowId }),
      check(intent, ctx) {
        const refused = d.flowStarts.refusal(intent.flowId, intent.orderId, by(ctx));
        if (refused) throw new SkipStepError(refused.reason, { code: refused.code, args: refused.args });
      },
      apply(intent, ctx) {
        const done = d.flowStarts.start(intent.flowId, intent.orderId, by(ctx));
        return { result: done.runId ? { started: done.runId, flow: done.flow } : { started: null, flow: done.flow, why: done.refused?.reason ?? 'not started' }, entries: done.entries };
      },
    }),
  ];
}
