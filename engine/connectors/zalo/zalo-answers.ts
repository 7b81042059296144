import type { DeferReasonCode, StepReasonCode } from '../../contract/index.ts';
import type { ProviderAnswer } from '../provider-call.ts';

/** Zalo's envelope (connectors.md §1): HTTP 200 for nearly everything, `error` 0 or a negative code, `message` in English. */
export interface ZaloEnvelope {
  error?: unknown;
  message?: unknown;
  data?: unknown;
}

/**
 * The verdict on one ZNS or OA answer (connectors.md §9.1): sent; refresh the token and try
 * once more; the recipient cannot get it this way (`unreachable`: an SMS fallback may go
 * instead); skip; defer until a time; retry; or fail, each with Zalo's answer in the words.
 */
export type ZaloVerdict =
  | { kind: 'sent'; data: Record<string, unknown> }
  | { kind: 'refresh'; answer: string }
  | { kind: 'unreachable'; reason: string; code: StepReasonCode; answer: string }
  | { kind: 'skip'; reason: string; code: StepReasonCode; args: Record<string, string> }
  | { kind: 'defer'; reason: string; untilMs: number; why: DeferReasonCode }
  | { kind: 'retry' | 'fail'; reason: string };

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 24 * 3_600_000;
/** How long a step waits when the ZNS wallet is empty: the shop tops up, the step goes out then. */
const TOP_UP_WAIT_MS = 60 * 60_000;

/** The next time it is `hour`:00 in Vietnam (UTC+7, no daylight saving), after `nowMs`. */
export function nextVietnamHour(nowMs: number, hour: number): number {
  const local = nowMs + VN_OFFSET_MS;
  let at = Math.floor(local / DAY_MS) * DAY_MS + hour * 3_600_000;
  if (at <= local) at += DAY_MS;
  return at - VN_OFFSET_MS;
}

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/** "-118 Zalo account not existed": Zalo's code and words, for the step's reason. */
export function zaloAnswerWords(a: ProviderAnswer): string {
  const env = (a.json ?? {}) as ZaloEnvelope;
  if (typeof env.error === 'number') return `${env.error}${typeof env.message === 'string' && env.message ? ` ${env.message}` : ''}`;
  return `HTTP ${a.status}: ${excerpt(a.text)}`;
}

/** Answers no ZNS or OA call reads differently: the envelope, HTTP trouble, an expired token. */
function common(a: ProviderAnswer): ZaloVerdict | { code: number; answer: string } {
  const env = (a.json ?? {}) as ZaloEnvelope;
  const answer = `Zalo: ${zaloAnswerWords(a)}`;
  if (a.status >= 500 || a.status === 429) return { kind: 'retry', reason: `Zalo is having trouble (${answer})` };
  if (typeof env.error !== 'number') return { kind: 'fail', reason: `Zalo answered something else than its API (HTTP ${a.status}: ${excerpt(a.text)})` };
  if (env.error === 0) return { kind: 'sent', data: (env.data ?? {}) as Record<string, unknown> };
  // Invalid, expired or removed access token (ZNS -124; OA -216, -220): renew it and try once more.
  if (env.error === -124 || env.error === -216 || env.error === -220) return { kind: 'refresh', answer };
  return { code: env.error, answer };
}

/** ZNS `POST /message/template` (connectors.md §1.2, §9.1). */
export function znsVerdict(a: ProviderAnswer, phone: string, nowMs: number): ZaloVerdict {
  const c = common(a);
  if ('kind' in c) return c;
  const { code, answer } = c;
  switch (code) {
    case -100:
      return { kind: 'retry', reason: `Zalo could not send the ZNS this time (${answer})` };
    case -108:
      return { kind: 'skip', reason: `Zalo says ${phone} is not a valid phone number (${answer})`, code: 'bad_phone', args: { phone } };
    case -118:
      return { kind: 'unreachable', reason: `${phone} has no Zalo account`, code: 'zalo_no_account', answer };
    case -110:
      return { kind: 'unreachable', reason: `the customer's Zalo app is too old to receive ZNS`, code: 'zalo_cannot_receive', answer };
    case -114:
      return { kind: 'unreachable', reason: `the customer cannot receive ZNS (inactive, refused, or an old Zalo version)`, code: 'zalo_cannot_receive', answer };
    case -139:
      return { kind: 'unreachable', reason: `the customer refused this kind of ZNS`, code: 'zalo_cannot_receive', answer };
    case -109:
      return { kind: 'fail', reason: `Zalo does not know this ZNS template: check the template id, and that it belongs to this OA (${answer})` };
    case -131:
      return { kind: 'fail', reason: `the ZNS template is not approved yet: Zalo sends only approved templates (${answer})` };
    case -111:
    case -112:
      return { kind: 'fail', reason: `Zalo refused the template params: check their names and lengths against the template (${answer})` };
    case -115:
    case -137:
      return { kind: 'defer', reason: `the ZNS wallet cannot pay for the message: it goes out after a top-up (${answer})`, untilMs: nowMs + TOP_UP_WAIT_MS, why: 'balance_low' };
    case -133:
      return { kind: 'defer', reason: `Zalo does not send this ZNS between 22:00 and 06:00: it goes out at 06:00 (${answer})`, untilMs: nextVietnamHour(nowMs, 6), why: 'outside_sending_hours' };
    case -144:
      return { kind: 'defer', reason: `the OA's daily ZNS quota is used up: it goes out tomorrow (${answer})`, untilMs: nextVietnamHour(nowMs, 0) + 60_000, why: 'quota_exceeded' };
    default:
      if (code <= -101 && code >= -107) return { kind: 'fail', reason: `Zalo refused the app or the OA: check the Zalo account's App ID and its link to the OA (${answer})` };
      if (code === -125) return { kind: 'fail', reason: `Zalo does not know this OA: check the Zalo account (${answer})` };
      return { kind: 'fail', reason: `Zalo refused the ZNS (${answer})` };
  }
}

/** OA messages `POST /v3.0/oa/message/{cs|transaction}` (connectors.md §1.3, §9.1). */
export function oaVerdict(a: ProviderAnswer, userId: string, nowMs: number): ZaloVerdict {
  const c = common(a);
  if ('kind' in c) return c;
  const { code, answer } = c;
  switch (code) {
    case -32:
      return { kind: 'retry', reason: `the app reached Zalo's API call limit (${answer})` };
    case -213:
      return { kind: 'skip', reason: `the customer does not follow the OA (${answer})`, code: 'zalo_not_follower', args: { answer } };
    case -227:
    case -244:
      return { kind: 'skip', reason: `the customer cannot receive OA messages (${answer})`, code: 'zalo_cannot_receive', args: { answer } };
    case -230:
    case -232:
      return { kind: 'skip', reason: `the customer has not interacted with the OA in 7 days: use ZNS (${answer})`, code: 'zalo_no_interaction', args: {} };
    case -211:
      return { kind: 'defer', reason: `the OA's message quota is used up: it goes out tomorrow (${answer})`, untilMs: nextVietnamHour(nowMs, 0) + 60_000, why: 'quota_exceeded' };
    case -234:
      return { kind: 'defer', reason: `Zalo does not send this message between 22:00 and 06:00: it goes out at 06:00 (${answer})`, untilMs: nextVietnamHour(nowMs, 6), why: 'outside_sending_hours' };
    case -223:
      return { kind: 'fail', reason: `the OA has not allowed the app to send this kind of message: grant the permission on developers.zalo.me and reconnect the OA (${answer})` };
    case -224:
      return { kind: 'fail', reason: `the OA's package does not include this message: upgrade the OA (${answer})` };
    case -204:
    case -205:
      return { kind: 'fail', reason: `the OA is disabled or does not exist: check the Zalo account (${answer})` };
    case -201:
      return { kind: 'fail', reason: `Zalo refused the message's content for ${userId} (${answer})` };
    default:
      return { kind: 'fail', reason: `Zalo refused the OA message (${answer})` };
  }
}
