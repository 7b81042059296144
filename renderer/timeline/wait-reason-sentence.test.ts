import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineData, TimelineEntryDto, WaitReason } from '../../engine/contract/index.ts';
import enEditor from '../i18n/locales/en/editor.json';
import enOrders from '../i18n/locales/en/orders.json';
import enRuns from '../i18n/locales/en/runs.json';
import viEditor from '../i18n/locales/vi/editor.json';
import viOrders from '../i18n/locales/vi/orders.json';
import viRuns from '../i18n/locales/vi/runs.json';
import { timelineSentence } from './timeline-sentence.ts';
import { waitReasonWords } from '../flow-editor/runs/wait-reason-words.ts';

const words: Record<'en' | 'vi', { orders: TFunction; runs: TFunction }> = {} as never;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { orders: enOrders, runs: enRuns, editor: enEditor }, vi: { orders: viOrders, runs: viRuns, editor: viEditor } },
    lng: 'en',
    fallbackLng: 'en',
    ns: ['orders', 'runs', 'editor'],
    defaultNS: 'orders',
    interpolation: { escapeValue: false },
  });
  for (const lang of ['en', 'vi'] as const) words[lang] = { orders: i18n.getFixedT(lang, 'orders'), runs: i18n.getFixedT(lang, 'runs') };
});

const time = () => '07:00';
const waiting = (wait?: WaitReason): TimelineEntryDto => {
  const data: TimelineData = { kind: 'run', status: 'waiting', flowId: 'f1', flowName: 'Huỷ đơn → SMS', flowVersion: 1, dueAt: '2026-01-02T00:00:00.000Z', ...(wait ? { wait } : {}) };
  return { id: 1, orderId: 'o1', at: '2026-01-01T23:00:00.000Z', kind: 'run', data, legacyTitle: null, inboxId: null, runId: 'r1' };
};
const night: WaitReason = { nodeId: 'sms', reason: 'eSMS does not send at this hour', reasonCode: 'outside_sending_hours', reasonArgs: { provider: 'eSMS' } };

describe('a deferred step on the timeline and the run view', () => {
  it('says until when and why, in the user language, from the code', () => {
    expect(timelineSentence(waiting(night), words.en.orders, time)).toBe('Flow “Huỷ đơn → SMS” waits until 07:00 — eSMS: outside allowed sending hours');
    expect(timelineSentence(waiting(night), words.vi.orders, time)).toBe('Luồng “Huỷ đơn → SMS” đang chờ đến 07:00 — eSMS: ngoài khung giờ được phép gửi');
    const balance: WaitReason = { nodeId: 'sms', reason: 'x', reasonCode: 'balance_low', reasonArgs: { provider: 'eSMS' } };
    expect(waitReasonWords(words.vi.runs, balance)).toBe('eSMS: số dư không đủ (cần nạp thêm)');
    const limited: WaitReason = { nodeId: 'tg', reason: 'x', reasonCode: 'rate_limited', reasonArgs: { provider: 'Telegram', seconds: '35' } };
    expect(waitReasonWords(words.en.runs, limited)).toBe('Telegram asked to wait 35 s before the next message');
    expect(waitReasonWords(words.vi.runs, limited)).toBe('Telegram yêu cầu chờ 35 giây trước tin tiếp theo');
  });

  it("keeps the provider's words when there is no code, and says nothing more for a plain wait", () => {
    const said: WaitReason = { nodeId: 'mail', reason: 'Resend: daily quota exceeded (429 daily_quota_exceeded)' };
    expect(timelineSentence(waiting(said), words.vi.orders, time)).toBe('Luồng “Huỷ đơn → SMS” đang chờ đến 07:00 — Resend: daily quota exceeded (429 daily_quota_exceeded)');
    expect(timelineSentence(waiting(), words.en.orders, time)).toBe('Flow “Huỷ đơn → SMS” waits until 07:00');
  });
});
