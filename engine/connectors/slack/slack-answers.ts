import type { ErrorClass } from '../../shared/errors.ts';
import type { ProviderAnswer } from '../provider-call.ts';

/**
 * The verdict on one Slack answer: posted; wait (429 or `ratelimited`, with Retry-After);
 * outcome unknown; or a class of failure with words. Connectors.md §6, §9.1.
 */
export type SlackVerdict =
  | { kind: 'sent' }
  | { kind: 'wait'; retryAfter: string | null; answer: string }
  | { kind: 'unknown'; reason: string }
  | { kind: ErrorClass; reason: string };

/** Slack's error codes in plain words; the code itself follows in brackets. */
const words: Record<string, string> = {
  channel_not_found: 'Slack cannot find the channel: check its id or name, and invite the bot to a private channel',
  not_in_channel: 'the bot is not in the channel: invite it there (/invite @bot)',
  is_archived: 'the channel is archived',
  channel_is_archived: 'the channel is archived',
  msg_too_long: 'the message is too long for Slack',
  no_text: 'the message is empty',
  invalid_auth: 'Slack refused the bot token: check it in the account',
  not_authed: 'Slack got no bot token: check the account',
  token_revoked: 'the bot token was revoked: paste a new one in the account',
  token_expired: 'the bot token expired: paste a new one in the account',
  account_inactive: 'the Slack app or its workspace was deactivated',
  missing_scope: 'the bot token lacks the chat:write permission: add it to the app and reinstall',
  no_permission: 'the bot token may not post there',
  restricted_action: 'the workspace does not let the bot post in this channel',
  restricted_action_read_only_channel: 'the channel is read-only',
  restricted_action_thread_only_channel: 'the channel takes replies in threads only',
  invalid_payload: 'Slack could not read the message',
  invalid_blocks: 'Slack could not read the message',
  no_service: 'the incoming webhook no longer exists (removed, or its app uninstalled): make a new one',
  no_team: 'the incoming webhook’s workspace no longer exists',
  invalid_token: 'the incoming webhook no longer exists: make a new one',
  action_prohibited: 'the workspace’s admins do not allow this webhook to post',
  user_not_found: 'the incoming webhook’s user no longer exists',
};

/** Passing trouble on Slack's side (§9.1): nothing was posted, try again. */
const passing = new Set(['internal_error', 'service_unavailable', 'request_timeout', 'rollup_error']);
const limited = new Set(['ratelimited', 'rate_limited']);

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

function verdictOnError(error: string, status: number, answer: string, retryAfter: string | null): SlackVerdict {
  if (status === 429 || limited.has(error)) return { kind: 'wait', retryAfter, answer };
  if (passing.has(error) || status >= 500) return { kind: 'retry', reason: `Slack is having trouble (${answer})` };
  // "It's possible some aspect of the operation succeeded before the error was raised" (Slack's words): resending could post twice.
  if (error === 'fatal_error') return { kind: 'unknown', reason: `Slack failed while posting and may have posted it (${answer}); it is not posted again` };
  return { kind: 'fail', reason: `${words[error] ?? 'Slack refused the message'} (${answer})` };
}

/** chat.postMessage: HTTP 200 either way, `ok` says which; 429 with Retry-After when limited. */
export function postMessageVerdict(a: ProviderAnswer): SlackVerdict {
  const body = (a.json ?? {}) as { ok?: unknown; error?: unknown };
  if (a.status === 200 && body.ok === true) return { kind: 'sent' };
  const error = typeof body.error === 'string' ? body.error : '';
  const answer = error ? `Slack: ${error}` : `Slack: HTTP ${a.status} ${excerpt(a.text)}`;
  return verdictOnError(error, a.status, answer, a.headers.get('retry-after'));
}

/** Incoming webhook: HTTP 200 `ok`; errors are plain-text codes with a 4xx/5xx status. */
export function webhookVerdict(a: ProviderAnswer): SlackVerdict {
  const text = a.text.trim();
  if (a.status === 200) return { kind: 'sent' };
  const error = /^[a-z_]+$/.test(text) ? text : '';
  return verdictOnError(error, a.status, `Slack: ${a.status} ${excerpt(text)}`, a.headers.get('retry-after'));
}

/** Slack's own words on a Test: `invalid_auth`, or the status and body. */
export function slackAnswerWords(a: ProviderAnswer): string {
  const body = (a.json ?? {}) as { error?: unknown };
  return typeof body.error === 'string' ? body.error : `HTTP ${a.status} ${excerpt(a.text)}`;
}

/** auth.test errors that mean the token itself is refused. */
export const refusedToken = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']);
