import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiReply, FLOW_FILE_FORMAT } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { vipFlow } from '../harness/flows.ts';
import { deepText } from './support/api-arbs.ts';

/**
 * Minimal reproduction of what the flow-document fuzz found against "never a 500". Each case is a bug the fuzz found, kept as its reproduction since the fix.
 */
describe('flow documents: cases the fuzz found outside the contract', () => {
  let t: TempEngine;

  beforeAll(async () => {
    t = await startTempEngine();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function call(method: string, body: string): Promise<{ status: number; reply: ApiReply }> {
    const res = await fetch(`${t.apiUrl}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${t.engine.token}`, 'Content-Type': 'application/json' }, body });
    return { status: res.status, reply: ApiReply.parse(await res.json()) };
  }

  // Found: a params value nested ~4,500 levels or more (here 10,000 arrays under an unknown
  // key of the trigger's params) passes the schema (params are z.record(z.unknown())) and node
  // validation (unknown keys are ignored), then JSON.stringify overflows the stack when the
  // version is stored: 500 {"code":"internal","message":"Maximum call stack size exceeded"}.
  // flows.validate says [] for the same document. Nothing is saved.
  // Should: refused as invalid_flow / invalid_args (a depth limit), never internal.
  it('a flow with a deeply nested params value is refused, not a 500', async () => {
    const flow = JSON.stringify(vipFlow()).replace('"platforms":[]', `"platforms":[],"x":${deepText(10_000, '[')}`);
    for (const [method, body] of [['flows.save', `{"document":${flow}}`], ['flows.import', `{"file":{"format":"${FLOW_FILE_FORMAT}","flow":${flow}}}`]] as const) {
      const { status, reply } = await call(method, body);
      expect(reply.ok ? 'saved' : reply.error.code, `${method}: ${status} ${JSON.stringify(reply).slice(0, 200)}`).not.toBe('internal');
    }
  });
});
