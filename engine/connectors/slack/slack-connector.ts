import { isSlackWebhookPath, slackConnectorSpec, type SlackCredentials, type SlackSettings } from '../../contract/index.ts';
import { defineIntentHandler, type IntentHandler } from '../../nodes/intents.ts';
import type { Repositories } from '../../storage/repositories.ts';
import { classifiedError, OutcomeUnknownError, SkipStepError } from '../../shared/errors.ts';
import type { AccountStore, ConnectorRuntime, ResolvedAccount, TestAnswer } from '../account-store.ts';
import { callProvider, isTestAnswer, probeProvider, rateLimited, retryAfterMs, type ProviderCall } from '../provider-call.ts';
import { postMessageVerdict, refusedToken, slackAnswerWords, webhookVerdict, type SlackVerdict } from './slack-answers.ts';

declare module '../../nodes/intents.ts' {
  interface IntentMap {
    /** One Slack message; `channel` empty means the account's incoming webhook (its own channel). */
    'slack.post': { account: string; channel: string; text: string };
  }
}

type SlackAccount = ResolvedAccount<SlackCredentials, SlackSettings>;
type Way = { via: 'chat.postMessage'; channel: string } | { via: 'webhook' };

/**
 * Which way a message goes: chat.postMessage when the step names a channel and the account has
 * a bot token; else the account's incoming webhook (which posts to the channel it was made
 * for, whatever the step says). A token without a channel and no webhook cannot post.
 */
function wayFor(c: Pick<SlackCredentials, 'webhookUrl' | 'botToken'>, channel: string): Way | null {
  if (channel !== '' && c.botToken !== '') return { via: 'chat.postMessage', channel };
  if (c.webhookUrl !== '') return { via: 'webhook' };
  return null;
}

const apiCall = (a: SlackAccount, method: string, body: Record<string, unknown>): ProviderCall => ({
  provider: 'Slack',
  url: `${a.settings.baseUrl.replace(/\/+$/, '')}/${method}`,
  method: 'POST',
  headers: { authorization: `Bearer ${a.credentials.botToken}`, 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
  timeoutMs: a.settings.timeoutSeconds * 1000,
  secrets: [a.credentials.botToken],
});

/**
 * `slack.post` (connectors.md §6). Slack has no idempotency key: a request that may have
 * arrived is never sent again (outcome unknown); only answers that say nothing was posted
 * are retried or waited out (429 / `ratelimited` with Retry-After).
 */
export function slackIntentHandlers(repos: Repositories, accounts: AccountStore, transport: typeof fetch): IntentHandler[] {
  return [
    defineIntentHandler({
      kind: 'slack.post',
      mode: 'external',
      describe: (i) => {
        const row = repos.accounts.get(i.account);
        const way = row ? wayFor({ webhookUrl: String(row.credentials['webhookUrl'] ?? ''), botToken: String(row.credentials['botToken'] ?? '') }, i.channel) : null;
        return {
          account: row?.name ?? i.account,
          ...(way ? { via: way.via } : {}),
          ...(way?.via === 'chat.postMessage' ? { channel: way.channel } : {}),
          text: i.text,
        };
      },
      async perform(i, ctx) {
        const a = accounts.resolve(i.account, slackConnectorSpec);
        const way = wayFor(a.credentials, i.channel);
        if (!way) throw new SkipStepError(`no Slack channel to post to: the step's Channel is empty and account "${a.name}" has no incoming webhook`);
        const started = performance.now();
        const call: ProviderCall =
          way.via === 'chat.postMessage'
            ? apiCall(a, 'chat.postMessage', { channel: way.channel, text: i.text })
            : {
                provider: 'Slack',
                url: a.credentials.webhookUrl,
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ text: i.text }),
                timeoutMs: a.settings.timeoutSeconds * 1000,
                // The webhook's address is its secret: never said in a message.
                secrets: [a.credentials.webhookUrl, new URL(a.credentials.webhookUrl).pathname],
              };
        const answer = await callProvider(transport, call);
        const verdict: SlackVerdict = way.via === 'chat.postMessage' ? postMessageVerdict(answer) : webhookVerdict(answer);
        switch (verdict.kind) {
          case 'sent': {
            const body = (answer.json ?? {}) as { channel?: unknown; ts?: unknown };
            return way.via === 'chat.postMessage' ? { via: way.via, channel: body.channel ?? way.channel, ts: body.ts ?? null } : { via: way.via };
          }
          case 'wait': {
            const answeredAt = ctx.atMs + (performance.now() - started);
            throw rateLimited('Slack', retryAfterMs(verdict.retryAfter, answeredAt), answeredAt, verdict.answer);
          }
          case 'unknown':
            throw new OutcomeUnknownError(verdict.reason);
          default:
            throw classifiedError(verdict.kind, verdict.reason);
        }
      },
    }),
  ];
}

export function slackRuntime(transport: typeof fetch): ConnectorRuntime {
  return {
    spec: slackConnectorSpec,
    async test(account): Promise<TestAnswer> {
      const a = account as unknown as SlackAccount;
      const hook = a.credentials.webhookUrl;
      const hookFacts: Record<string, string> = hook !== '' ? { webhook: new URL(hook).host } : {};
      if (hook !== '' && !isSlackWebhookPath(hook)) {
        return { ok: false, code: 'refused', message: 'The webhook address is not a Slack incoming webhook (https://hooks.slack.com/services/T…/B…/…)', answer: null, facts: {} };
      }
      if (a.credentials.botToken === '') {
        // Slack has no call that checks an incoming webhook without posting to its channel.
        return {
          ok: true,
          code: 'unchecked',
          message: 'The address has the shape of a Slack incoming webhook. Slack offers no way to test one without posting a message, so nothing was sent.',
          answer: null,
          // The verdict says it all; the host would only repeat it.
          facts: {},
        };
      }
      const answer = await probeProvider(transport, apiCall(a, 'auth.test', {}));
      if (isTestAnswer(answer)) return answer;
      const body = (answer.json ?? {}) as { ok?: unknown; team?: unknown; user?: unknown; error?: unknown };
      const said = slackAnswerWords(answer);
      if (answer.status === 200 && body.ok === true) {
        const team = typeof body.team === 'string' ? body.team : '';
        const user = typeof body.user === 'string' ? body.user : '';
        return {
          ok: true,
          code: 'ok',
          message: `Signed in to the Slack workspace ${team} as ${user}${hook !== '' ? '; the incoming webhook cannot be tested without posting, so only its address was checked' : ''}`,
          answer: null,
          facts: { ...(team ? { team } : {}), ...(user ? { user } : {}), ...hookFacts },
        };
      }
      if (typeof body.error === 'string' && refusedToken.has(body.error)) return { ok: false, code: 'auth_failed', message: `Slack refused the bot token (${said})`, answer: said, facts: {} };
      return { ok: false, code: 'refused', message: `Slack answered ${said}`, answer: said, facts: {} };
    },
  };
}
