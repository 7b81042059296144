import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiReply, canonicalJson, FlowDocument, FlowDetailDto, httpStatusByCode } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { vipFlow } from '../harness/flows.ts';
import { fileFormat, flowMutation, mutateFlow } from './support/flow-mutations.ts';
import { runProperty } from './support/fuzz-run.ts';
import { spliceDeep } from './support/api-arbs.ts';

/**
 * Property 4: random and mutated flow documents through `flows.import` and `flows.save` over
 * HTTP. Each is either saved with no problems (and reads back as sent), or refused with
 * `invalid_flow` / `invalid_args` and a message; never a 500; a refused flow changes nothing.
 */
const RUNS = 300;
const SEED = 20_261_400;

const caseArb = fc.record({
  mutations: fc.array(flowMutation, { maxLength: 4 }),
  via: fc.constantFrom('import' as const, 'save-new' as const, 'save-existing' as const),
  activate: fc.boolean(),
  format: fileFormat,
  /** Sometimes the whole file is random instead of a mutated flow. */
  random: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 4, maxKeys: 6 }) }),
  expectedVersion: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 }) }),
});

describe('fuzz: flow documents through flows.import and flows.save', () => {
  let t: TempEngine;
  let existing: string;

  async function api(method: string, args: unknown): Promise<{ status: number; reply: ApiReply }> {
    const res = await fetch(`${t.apiUrl}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.engine.token}`, 'Content-Type': 'application/json' },
      body: spliceDeep(JSON.stringify(args)),
    });
    const json: unknown = await res.json();
    const reply = ApiReply.safeParse(json);
    expect(reply.success, `${method} answered outside the envelope: ${JSON.stringify(json).slice(0, 300)}`).toBe(true);
    return { status: res.status, reply: reply.data! };
  }
  const flowsList = async () => {
    const { reply } = await api('flows.list', {});
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.result as { id: string; latestVersion: number; activeVersion: number | null; updatedAt: string }[];
  };

  beforeAll(async () => {
    t = await startTempEngine();
    existing = (await t.engine.call('flows.save', { document: vipFlow() })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('saves a flow with no problems or refuses it with invalid_flow/invalid_args, changing nothing', async () => {
    const outcomes = new Map<string, number>();
    const cases = await runProperty('flow documents', caseArb, async (c) => {
      const doc = c.random ?? mutateFlow(c.mutations);
      const before = await flowsList();
      const call = c.via === 'import'
        ? { method: 'flows.import', args: { file: { format: c.format, flow: doc }, activate: c.activate } }
        : { method: 'flows.save', args: { document: doc, ...(c.via === 'save-existing' ? { id: existing } : {}), ...(c.expectedVersion === null ? {} : { expectedVersion: c.expectedVersion }) } };
      const { status, reply } = await api(call.method, call.args);
      const what = `${call.method} of ${JSON.stringify(doc)?.slice(0, 300)} → ${status} ${JSON.stringify(reply).slice(0, 400)}`;
      const key = reply.ok ? 'saved' : reply.error.code;
      outcomes.set(`${call.method} ${key}`, (outcomes.get(`${call.method} ${key}`) ?? 0) + 1);
      expect(status, what).toBe(reply.ok ? 200 : httpStatusByCode[reply.error.code]);
      const after = await flowsList();

      if (!reply.ok) {
        const allowed = ['invalid_flow', 'invalid_args', ...(c.via === 'save-existing' && c.expectedVersion !== null ? ['version_conflict'] : [])];
        expect(allowed, what).toContain(reply.error.code);
        expect(reply.error.message.trim(), what).toBeTruthy();
        expect(after, `${what}: a refused flow changed the flow list`).toEqual(before);
        return;
      }
      // Saved: with no errors (warnings, such as a step nothing leads to, do not refuse a save), as
      // sent (unknown keys dropped), and only this flow changed.
      const saved = FlowDetailDto.parse(reply.result);
      expect(saved.document, what).toEqual(FlowDocument.parse(JSON.parse(spliceDeep(JSON.stringify(doc)))));
      const problems = await api('flows.validate', { document: saved.document });
      expect(problems.reply.ok, what).toBe(true);
      const errors = (problems.reply as { result: { severity?: string }[] }).result.filter((p) => p.severity !== 'warning');
      expect(errors, what).toEqual([]);
      const others = (list: typeof before) => list.filter((f) => f.id !== saved.id);
      expect(others(after), what).toEqual(others(before));
      const previous = before.find((f) => f.id === saved.id);
      // A document identical to the latest version (by content hash) makes no new version.
      const prior = previous ? (await api('flows.get', { id: saved.id, version: previous.latestVersion })).reply : null;
      const unchanged = prior?.ok === true && canonicalJson(FlowDetailDto.parse(prior.result).document) === canonicalJson(saved.document);
      expect(saved.version, what).toBe(unchanged ? previous!.latestVersion : (previous?.latestVersion ?? 0) + 1);
      if (c.via === 'import') expect(saved.activeVersion, what).toBe(c.activate ? saved.version : null);
    }, { seed: SEED, numRuns: RUNS });
    console.log(`[fuzz] flow documents: ${cases} documents, outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`);
  });
});
