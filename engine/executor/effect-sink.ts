import type { IntentRecord, TimelineEntryDto } from '../contract/index.ts';
import type { Intent, IntentContext, IntentHandler } from '../nodes/intents.ts';
import type { EffectSink, Performed } from './ports.ts';

const describeDefault = (intent: Intent): Record<string, unknown> => {
  const { kind: _kind, ...args } = intent;
  return args;
};

/** The handler of each intent kind, from the connectors' lists; a kind handled twice is refused. */
export function indexHandlers(handlers: readonly IntentHandler[]): Map<string, IntentHandler> {
  const byKind = new Map<string, IntentHandler>();
  for (const h of handlers) {
    if (byKind.has(h.kind)) throw new Error(`intent "${h.kind}" has two handlers`);
    byKind.set(h.kind, h);
  }
  return byKind;
}

function handlerOf(byKind: Map<string, IntentHandler>, intent: Intent): IntentHandler {
  const h = byKind.get(intent.kind);
  if (!h) throw new Error(`no connector handles "${intent.kind}"`);
  return h;
}

function describe(byKind: Map<string, IntentHandler>, intent: Intent): Record<string, unknown> {
  if (intent.kind === 'run.wait') return { until: new Date(intent.untilMs).toISOString() };
  const h = handlerOf(byKind, intent) as { describe?: (i: Intent) => Record<string, unknown> };
  return h.describe ? h.describe(intent) : describeDefault(intent);
}

/** Live runs: intents are done, through the handler of their kind. */
export function createApplySink(handlers: readonly IntentHandler[]): EffectSink {
  const byKind = indexHandlers(handlers);
  return {
    mode: 'apply',
    // An external intent a live run leaves out (an optional write-back that is off) calls nothing:
    // the step stays one local transaction.
    callsOut: (intents) => intents.some((i) => {
      if (i.kind === 'run.wait') return false;
      const h = handlerOf(byKind, i) as IntentHandler & { wouldDo?: (x: Intent) => boolean };
      return h.mode === 'external' && h.wouldDo?.(i) !== false;
    }),
    async perform(intents, ctx): Promise<Performed> {
      const records: IntentRecord[] = [];
      const local: { intent: Intent; record: IntentRecord; ctx: IntentContext }[] = [];
      // External calls done: what they record lands with the step, in its transaction.
      const recorded: (() => TimelineEntryDto[])[] = [];
      let waitUntilMs: number | null = null;
      for (const [n, intent] of intents.entries()) {
        // What a live run would leave out as things stand (an optional write-back that is off) is
        // neither done nor recorded: a live run and a dry run of the same step list the same intents.
        if (intent.kind !== 'run.wait' && (handlerOf(byKind, intent) as { wouldDo?: (i: Intent) => boolean }).wouldDo?.(intent) === false) continue;
        const record: IntentRecord = { kind: intent.kind, args: describe(byKind, intent), outcome: 'done' };
        records.push(record);
        if (intent.kind === 'run.wait') {
          waitUntilMs = intent.untilMs;
          continue;
        }
        const handler = handlerOf(byKind, intent);
        const its = { ...ctx, idempotencyKey: n === 0 ? ctx.idempotencyKey : `${ctx.idempotencyKey}#${n}` };
        if (handler.mode === 'external') {
          const result = await handler.perform(intent as never, its);
          record.result = result;
          const after = handler.recorded;
          if (after) recorded.push(() => after(intent as never, result, its));
        } else {
          handler.check?.(intent as never, its);
          local.push({ intent, record, ctx: its });
        }
      }
      const apply = local.length === 0 && recorded.length === 0 ? null : (): TimelineEntryDto[] => {
        const entries: TimelineEntryDto[] = recorded.flatMap((r) => r());
        for (const l of local) {
          const handler = handlerOf(byKind, l.intent);
          if (handler.mode !== 'local') continue;
          const done = handler.apply(l.intent as never, l.ctx);
          if (done.result !== undefined) l.record.result = done.result;
          entries.push(...done.entries);
        }
        return entries;
      };
      return { records, apply, waitUntilMs };
    },
  };
}

/** Dry runs and replays: every intent is recorded as "would do", with its rendered inputs; nothing is done. */
export function createRecordSink(handlers: readonly IntentHandler[]): EffectSink {
  const byKind = indexHandlers(handlers);
  return {
    mode: 'record',
    callsOut: () => false,
    async perform(intents): Promise<Performed> {
      const records = intents
        .filter((intent) => intent.kind === 'run.wait' || (handlerOf(byKind, intent) as { wouldDo?: (i: Intent) => boolean }).wouldDo?.(intent) !== false)
        .map((intent): IntentRecord => ({ kind: intent.kind, args: describe(byKind, intent), outcome: 'would_do' }));
      return { records, apply: null, waitUntilMs: null };
    },
  };
}
