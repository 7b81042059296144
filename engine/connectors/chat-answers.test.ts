import { describe, expect, it } from 'vitest';
import { rateLimited, retryAfterMs, type ProviderAnswer } from './provider-call.ts';
import { postMessageVerdict, webhookVerdict } from './slack/slack-answers.ts';
import { telegramVerdict } from './telegram/telegram-answers.ts';
import { DeferStepError, RetryableError } from '../shared/errors.ts';

const answer = (status: number, text: string, headers: Record<string, string> = {}): ProviderAnswer => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status, headers: new Headers(headers), text, json };
};

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(retryAfterMs('34', now)).toBe(34_000);
    expect(retryAfterMs(1.5, now)).toBe(1_500);
    expect(retryAfterMs('Sun, 01 Mar 2026 10:02:00 GMT', now)).toBe(120_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('parks the step for the wait asked, retries without one, fails past ten minutes', () => {
    const parked = rateLimited('Telegram', 34_000, 1_000, 'Telegram: 429 Too Many Requests: retry after 34');
    expect(parked).toBeInstanceOf(DeferStepError);
    expect((parked as DeferStepError).untilMs).toBe(35_000);
    expect(rateLimited('Slack', null, 0, 'x')).toBeInstanceOf(RetryableError);
    const tooLong = rateLimited('Slack', 3_600_000, 0, 'Slack: ratelimited');
    expect(tooLong).not.toBeInstanceOf(RetryableError);
    expect(tooLong.message).toBe('Slack is limiting the rate of messages until 1970-01-01T01:00:00.000Z (Slack: ratelimited)');
  });
});

describe("Slack's answers", () => {
  it('sorts chat.postMessage errors inside HTTP 200', () => {
    expect(postMessageVerdict(answer(200, '{"ok":true,"channel":"C1","ts":"1.2"}'))).toEqual({ kind: 'sent' });
    expect(postMessageVerdict(answer(200, '{"ok":false,"error":"not_in_channel"}'))).toMatchObject({ kind: 'fail', reason: expect.stringContaining('invite it there') });
    expect(postMessageVerdict(answer(200, '{"ok":false,"error":"internal_error"}'))).toMatchObject({ kind: 'retry' });
    // Slack: "some aspect of the operation [may have] succeeded": not sent again.
    expect(postMessageVerdict(answer(200, '{"ok":false,"error":"fatal_error"}'))).toMatchObject({ kind: 'unknown' });
    expect(postMessageVerdict(answer(429, '{"ok":false,"error":"ratelimited"}', { 'retry-after': '30' }))).toEqual({ kind: 'wait', retryAfter: '30', answer: 'Slack: ratelimited' });
  });

  it('sorts plain-text webhook answers', () => {
    expect(webhookVerdict(answer(200, 'ok'))).toEqual({ kind: 'sent' });
    expect(webhookVerdict(answer(400, 'invalid_payload'))).toMatchObject({ kind: 'fail', reason: 'Slack could not read the message (Slack: 400 invalid_payload)' });
    expect(webhookVerdict(answer(410, 'channel_is_archived'))).toMatchObject({ kind: 'fail', reason: 'the channel is archived (Slack: 410 channel_is_archived)' });
    expect(webhookVerdict(answer(500, 'rollup_error'))).toMatchObject({ kind: 'retry' });
  });
});

describe("Telegram's answers", () => {
  const tg = (status: number, body: unknown) => telegramVerdict(answer(status, JSON.stringify(body)), '42');
  it('sorts the Bot API envelope', () => {
    expect(tg(200, { ok: true, result: { message_id: 7 } })).toEqual({ kind: 'sent', result: { message_id: 7 } });
    expect(tg(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 34', parameters: { retry_after: 34 } })).toMatchObject({ kind: 'wait', seconds: 34 });
    expect(tg(403, { ok: false, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" })).toMatchObject({ kind: 'skip', reason: expect.stringMatching(/^the person has not started a chat with the bot/) });
    expect(tg(403, { ok: false, error_code: 403, description: 'Forbidden: user is deactivated' })).toMatchObject({ kind: 'skip', reason: expect.stringMatching(/^the Telegram account was deleted/) });
    expect(tg(400, { ok: false, error_code: 400, description: "Bad Request: can't parse entities: Unsupported start tag" })).toMatchObject({ kind: 'fail' });
    expect(tg(401, { ok: false, error_code: 401, description: 'Unauthorized' })).toMatchObject({ kind: 'fail', reason: 'Telegram refused the bot token: check it in the account (Telegram: 401 Unauthorized)' });
    expect(tg(502, null)).toMatchObject({ kind: 'retry' });
  });
});
