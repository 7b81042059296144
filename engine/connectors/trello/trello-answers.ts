import type { ErrorClass } from '../../shared/errors.ts';
import type { ProviderAnswer } from '../provider-call.ts';

/**
 * The verdict on one Trello answer: the card made; wait (429, with Retry-After when Trello
 * sends one); or a class of failure with words. Trello answers most failures in plain text
 * ("invalid token", "invalid value for idList"), its rate limits in JSON
 * (`{"error":"API_TOKEN_LIMIT_EXCEEDED","message":"Rate limit exceeded"}`).
 */
export type TrelloVerdict =
  | { kind: 'created'; card: Record<string, unknown> }
  | { kind: 'wait'; retryAfter: string | null; answer: string }
  | { kind: ErrorClass; reason: string };

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/** "401 invalid token": Trello's own words, for a step's reason or a Test's answer. */
export function trelloAnswerWords(a: ProviderAnswer): string {
  const body = (a.json ?? null) as { message?: unknown; error?: unknown } | null;
  const said = body && typeof body.message === 'string' ? `${body.message}${typeof body.error === 'string' ? ` (${body.error})` : ''}` : excerpt(a.text.trim());
  return `${a.status} ${said}`.trim();
}

export function trelloCardVerdict(a: ProviderAnswer, listId: string): TrelloVerdict {
  const card = a.json as Record<string, unknown> | null;
  if (a.status >= 200 && a.status < 300 && card && typeof card['id'] === 'string') return { kind: 'created', card };
  const answer = `Trello: ${trelloAnswerWords(a)}`;
  const text = `${a.text}`.toLowerCase();
  if (a.status === 429) return { kind: 'wait', retryAfter: a.headers.get('retry-after'), answer };
  if (a.status >= 500) return { kind: 'retry', reason: `Trello is having trouble (${answer})` };
  if (a.status === 401 && /invalid (key|token|app key)|expired token|token (is )?expired/.test(text)) {
    return { kind: 'fail', reason: `Trello refused the API key or token: check the token in the account (${answer})` };
  }
  if (a.status === 401 || a.status === 403) {
    return { kind: 'fail', reason: `Trello does not let this token add cards to list ${listId}: check the token, and that its member is on the board (${answer})` };
  }
  if (a.status === 404 || /idlist|could not find the list|model not found/.test(text)) {
    return { kind: 'fail', reason: `Trello cannot find list ${listId}: check the list id, and that the list is not archived (${answer})` };
  }
  if (a.status >= 200 && a.status < 300) return { kind: 'fail', reason: `Trello answered something else than a card (${answer})` };
  return { kind: 'fail', reason: `Trello refused the card (${answer})` };
}
