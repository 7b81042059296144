import { describe, expect, it } from 'vitest';
import type { StepContext, TriggerData } from '../node-type.ts';
import { sendEsmsNode } from './send-esms.run.ts';
import { sendSmsNode } from './send-sms.run.ts';

const data = (phone: string | null) => ({ order: { id: 'o1', shippingAddress: phone ? { phone } : null }, customer: null }) as unknown as TriggerData;
const run = (node: typeof sendSmsNode, phone: string | null, params: Record<string, unknown> = {}) =>
  node.run({ params: { account: 'acc', phone: '', text: ' Chào bạn ', stripAccents: false, ...params }, data: data(phone), render: async (t: string) => t, nowMs: 0 } as StepContext<unknown>);

describe('the SMS steps share one run, differing only in the numbers they take', () => {
  it.each([['sms.send', sendSmsNode], ['sms.send_esms', sendEsmsNode]])('%s texts a Vietnamese mobile in its national form', async (_type, node) => {
    expect(await run(node, '+84 912 345 678')).toEqual({
      status: 'done',
      port: 'out',
      input: { phone: '0912345678', text: 'Chào bạn' },
      output: { phone: '0912345678', segments: 1, encoding: 'unicode', characters: 8 },
      intents: [{ kind: 'sms.send', account: 'acc', phone: '0912345678', text: 'Chào bạn', unicode: true, segments: 1 }],
    });
    expect(await run(node, '0912345678', { stripAccents: true })).toMatchObject({ input: { text: 'Chao ban' }, output: { encoding: 'gsm7' } });
    expect(await run(node, null)).toMatchObject({ status: 'skipped', code: 'no_phone', input: { phone: null } });
    expect(await run(node, 'abc')).toMatchObject({ status: 'skipped', code: 'bad_phone', args: { phone: 'abc' } });
    await expect(run(node, '0912345678', { text: '  ' })).rejects.toThrow('the message rendered empty');
  });

  it('only "Send SMS" takes a number abroad', async () => {
    expect(await run(sendSmsNode, '+65 9123 4567')).toMatchObject({ status: 'done', input: { phone: expect.any(String) } });
    expect(await run(sendEsmsNode, '+65 9123 4567')).toMatchObject({ status: 'skipped', code: 'bad_phone', args: { phone: '+65 9123 4567' } });
  });
});
