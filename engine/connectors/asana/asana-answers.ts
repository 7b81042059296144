import type { ErrorClass } from '../../shared/errors.ts';
import type { ProviderAnswer } from '../provider-call.ts';

/**
 * The verdict on one Asana answer: the task made; wait (429 with Retry-After); or a class of
 * failure with words. Asana says what went wrong in `{"errors":[{"message":…,"help":…}]}`
 * with an HTTP status that means it (developers.asana.com/docs/errors).
 */
export type AsanaVerdict =
  | { kind: 'created'; task: Record<string, unknown> }
  | { kind: 'wait'; retryAfter: string | null; answer: string }
  | { kind: ErrorClass; reason: string };

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/** The first error's message, as Asana said it; the body's start when it is not Asana's envelope. */
export function asanaAnswerWords(a: ProviderAnswer): string {
  const errors = (a.json as { errors?: unknown } | null)?.errors;
  const first = Array.isArray(errors) ? (errors[0] as { message?: unknown; phrase?: unknown } | undefined) : undefined;
  if (first && typeof first.message === 'string') return `${a.status} ${first.message}${typeof first.phrase === 'string' ? ` (${first.phrase})` : ''}`;
  return `${a.status} ${excerpt(a.text.trim())}`.trim();
}

export interface AsanaPlaceWords {
  /** "project 1204…" / "workspace 1204…". */
  where: string;
  assignee: string | null;
}

export function asanaTaskVerdict(a: ProviderAnswer, p: AsanaPlaceWords): AsanaVerdict {
  const data = (a.json as { data?: unknown } | null)?.data as Record<string, unknown> | undefined;
  if (a.status >= 200 && a.status < 300 && data && typeof data['gid'] === 'string') return { kind: 'created', task: data };
  const words = asanaAnswerWords(a);
  const answer = `Asana: ${words}`;
  const message = words.toLowerCase();
  if (a.status === 429) return { kind: 'wait', retryAfter: a.headers.get('retry-after'), answer };
  if (a.status >= 500) return { kind: 'retry', reason: `Asana is having trouble (${answer})` };
  if (a.status === 401) return { kind: 'fail', reason: `Asana refused the token: check the personal access token in the account (${answer})` };
  if (a.status === 402) return { kind: 'fail', reason: `this needs a paid Asana plan (${answer})` };
  if (a.status === 403) return { kind: 'fail', reason: `the token's user may not add tasks to ${p.where} (${answer})` };
  if (p.assignee && /assignee/.test(message)) {
    return { kind: 'fail', reason: `Asana does not know ${p.assignee} in this workspace: check the assignee's email (${answer})` };
  }
  if (a.status === 404 || /(project|workspace)s?\b.*(not a recognized|unknown object|not found|not a valid)/.test(message)) {
    return { kind: 'fail', reason: `Asana cannot find ${p.where}: check the gid, and that the token's user can see it (${answer})` };
  }
  if (a.status >= 200 && a.status < 300) return { kind: 'fail', reason: `Asana answered something else than a task (${answer})` };
  return { kind: 'fail', reason: `Asana refused the task (${answer})` };
}
