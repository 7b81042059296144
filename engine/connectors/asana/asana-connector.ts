import { asanaConnectorSpec, type AsanaCredentials, type AsanaPlace, type AsanaSettings } from '../../contract/index.ts';
import { defineIntentHandler, type IntentHandler } from '../../nodes/intents.ts';
import { classifiedError } from '../../shared/errors.ts';
import type { AccountStore, ConnectorRuntime, ResolvedAccount, TestAnswer } from '../account-store.ts';
import { callProvider, isTestAnswer, probeProvider, rateLimited, retryAfterMs, type ProviderCall } from '../provider-call.ts';
import { asanaAnswerWords, asanaTaskVerdict } from './asana-answers.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** One Asana task in a project or a workspace; a due day (`dueOn`, YYYY-MM-DD) or time (`dueAt`, ISO), or neither. */
    'asana.createTask': {
      account: string;
      placeIn: AsanaPlace;
      gid: string;
      name: string;
      notes: string;
      dueOn: string | null;
      dueAt: string | null;
      assignee: string | null;
    };
  }
}

type AsanaAccount = ResolvedAccount<AsanaCredentials, AsanaSettings>;

function request(a: AsanaAccount, path: string, body?: Record<string, unknown>): ProviderCall {
  return {
    provider: 'Asana',
    url: `${a.settings.baseUrl.replace(/\/+$/, '')}/${path}`,
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${a.credentials.accessToken}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
    timeoutMs: a.settings.timeoutSeconds * 1000,
    secrets: [a.credentials.accessToken],
    what: 'the task',
  };
}

/**
 * `asana.createTask`: POST /tasks with `{data:{…}}`. Asana has no idempotency key, so a request
 * that may have arrived is never sent again (provider-call.ts: outcome unknown); only answers
 * that say no task was made are retried (5xx) or waited out (429, Retry-After).
 */
export function asanaIntentHandlers(accounts: AccountStore, transport: typeof fetch): IntentHandler[] {
  return [
    defineIntentHandler({
      kind: 'asana.createTask',
      mode: 'external',
      describe: (i) => ({
        account: accounts.nameOf(i.account) ?? i.account,
        [i.placeIn]: i.gid,
        name: i.name,
        ...(i.notes ? { notes: i.notes } : {}),
        ...(i.dueOn ? { dueOn: i.dueOn } : {}),
        ...(i.dueAt ? { due: i.dueAt } : {}),
        ...(i.assignee ? { assignee: i.assignee } : {}),
      }),
      async perform(i, ctx) {
        const a = accounts.resolve(i.account, asanaConnectorSpec);
        const started = performance.now();
        const data = {
          name: i.name,
          ...(i.placeIn === 'project' ? { projects: [i.gid] } : { workspace: i.gid }),
          ...(i.notes ? { notes: i.notes } : {}),
          ...(i.dueOn ? { due_on: i.dueOn } : {}),
          ...(i.dueAt ? { due_at: i.dueAt } : {}),
          ...(i.assignee ? { assignee: i.assignee } : {}),
        };
        const answer = await callProvider(transport, request(a, 'tasks?opt_fields=gid,name,permalink_url', { data }));
        const verdict = asanaTaskVerdict(answer, { where: `${i.placeIn} ${i.gid}`, assignee: i.assignee });
        switch (verdict.kind) {
          case 'created':
            return { taskGid: verdict.task['gid'], url: verdict.task['permalink_url'] ?? null };
          case 'wait': {
            const answeredAt = ctx.atMs + (performance.now() - started);
            throw rateLimited('Asana', retryAfterMs(verdict.retryAfter, answeredAt), answeredAt, verdict.answer);
          }
          default:
            throw classifiedError(verdict.kind, verdict.reason);
        }
      },
    }),
  ];
}

export function asanaRuntime(transport: typeof fetch): ConnectorRuntime {
  return {
    spec: asanaConnectorSpec,
    async test(account): Promise<TestAnswer> {
      const a = account as unknown as AsanaAccount;
      const answer = await probeProvider(transport, request(a, 'users/me?opt_fields=name,email,workspaces.name'));
      if (isTestAnswer(answer)) return answer;
      const words = asanaAnswerWords(answer);
      const me = ((answer.json as { data?: unknown } | null)?.data ?? {}) as { name?: unknown; email?: unknown; workspaces?: unknown };
      if (answer.status === 200 && typeof me.name === 'string') {
        // The workspaces' gids are what a step asks for when a task goes in no project.
        const workspaces = Array.isArray(me.workspaces)
          ? (me.workspaces as { gid?: unknown; name?: unknown }[]).filter((w) => typeof w.gid === 'string').map((w) => `${String(w.name ?? '?')} (${String(w.gid)})`)
          : [];
        return {
          ok: true,
          code: 'ok',
          message: `Signed in to Asana as ${me.name}${typeof me.email === 'string' ? ` <${me.email}>` : ''}`,
          answer: null,
          facts: { user: me.name, ...(typeof me.email === 'string' ? { email: me.email } : {}), ...(workspaces.length > 0 ? { workspaces: workspaces.join(', ') } : {}) },
        };
      }
      if (answer.status === 401) return { ok: false, code: 'auth_failed', message: `Asana refused the token (${words})`, answer: words, facts: {} };
      return { ok: false, code: 'refused', message: `Asana answered ${words}`, answer: words, facts: {} };
    },
  };
}
