import { zaloConnectorSpec, type ZaloCredentials, type ZaloSettings } from '../../contract/index.ts';
import { RetryableError } from '../../shared/errors.ts';
import type { AccountStore, ResolvedAccount } from '../account-store.ts';
import { isTestAnswer, probeProvider } from '../provider-call.ts';

export type ZaloAccount = ResolvedAccount<ZaloCredentials, ZaloSettings>;

/** Renewed this long before it expires, so that a send does not race the expiry. */
const RENEW_EARLY_MS = 5 * 60_000;

/**
 * Zalo refused the refresh token (-14014 invalid, -14020 expired…): the chain of tokens is
 * broken and only the OA's admin can mend it, by authorizing again and pasting the new pair.
 * Never retried.
 */
export class ZaloReconnectError extends Error {
  override name = 'ZaloReconnectError';
  readonly answer: string;
  constructor(answer: string) {
    super(`Zalo refused the refresh token (${answer}): reconnect the OA — paste a new access token and refresh token in the Zalo account`);
    this.answer = answer;
  }
}

export interface ZaloTokens {
  /** The account with an access token fit to use: renewed first when it is known to expire. */
  fresh(id: string): Promise<ZaloAccount>;
  /** Zalo refused the access token `refused` as expired: renewed once, however many callers saw it refused. */
  renew(id: string, refused: string): Promise<ZaloAccount>;
  /** Renews now, whatever the expiry (the Test button); joins a refresh already under way. */
  renewNow(id: string): Promise<ZaloAccount>;
}

/**
 * Zalo's refresh token works ONCE (connectors.md §1.1): two refreshes with it at the same time,
 * and one fails and the chain may be lost. So refreshes are serialized per account: one
 * in-flight refresh per account in this engine, which every caller that needs a new token
 * waits for; a caller refused with a token that was renewed meanwhile takes the stored one.
 * The new pair is stored (encrypted, in the account's credentials) BEFORE the new access
 * token is used: a crash after Zalo answered keeps the only refresh token that still works.
 */
export function createZaloTokens(accounts: AccountStore, transport: typeof fetch, now: () => number = Date.now): ZaloTokens {
  const inFlight = new Map<string, Promise<ZaloAccount>>();
  const resolve = (id: string): ZaloAccount => accounts.resolve(id, zaloConnectorSpec) as ZaloAccount;

  async function refresh(id: string): Promise<ZaloAccount> {
    const a = resolve(id);
    const base = a.settings.oauthBaseUrl.replace(/\/+$/, '');
    const answer = await probeProvider(transport, {
      provider: 'Zalo',
      url: `${base}/v4/oa/access_token`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: a.credentials.appSecret },
      body: new URLSearchParams({ refresh_token: a.credentials.refreshToken, app_id: a.credentials.appId, grant_type: 'refresh_token' }).toString(),
      timeoutMs: a.settings.timeoutSeconds * 1000,
      secrets: [a.credentials.appSecret, a.credentials.refreshToken],
    });
    // No answer: the token may or may not have been used; trying again either renews it or says it is gone.
    if (isTestAnswer(answer)) throw new RetryableError(`could not renew the Zalo OA token: ${answer.message}`);
    if (answer.status >= 500 || answer.status === 429) throw new RetryableError(`Zalo could not renew the OA token now (HTTP ${answer.status})`);
    const body = (answer.json ?? {}) as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown; error?: unknown; error_name?: unknown; error_reason?: unknown; error_description?: unknown; message?: unknown };
    if (typeof body.access_token === 'string' && body.access_token !== '' && typeof body.refresh_token === 'string' && body.refresh_token !== '') {
      // expires_in is a string of seconds ("90000"); trust it, never a constant (§1.1: 25 h, or 1 h by older pages).
      const seconds = Number(body.expires_in);
      const expiresAt = Number.isFinite(seconds) && seconds > 0 ? new Date(now() + seconds * 1000).toISOString() : undefined;
      accounts.replaceSecrets(id, { accessToken: body.access_token, refreshToken: body.refresh_token, accessTokenExpiresAt: expiresAt });
      return resolve(id);
    }
    const words = [body.error, body.error_name ?? body.message, body.error_description ?? body.error_reason].filter((w) => typeof w === 'number' || (typeof w === 'string' && w !== '')).join(' ');
    throw new ZaloReconnectError(words || `HTTP ${answer.status}: ${answer.text.slice(0, 200)}`);
  }

  function refreshOnce(id: string): Promise<ZaloAccount> {
    let pending = inFlight.get(id);
    if (!pending) {
      pending = refresh(id).finally(() => inFlight.delete(id));
      inFlight.set(id, pending);
    }
    return pending;
  }

  return {
    async fresh(id) {
      const pending = inFlight.get(id);
      if (pending) return pending;
      const a = resolve(id);
      const expiresAt = Date.parse(a.credentials.accessTokenExpiresAt ?? '');
      return Number.isFinite(expiresAt) && expiresAt - RENEW_EARLY_MS <= now() ? refreshOnce(id) : a;
    },
    async renew(id, refused) {
      const pending = inFlight.get(id);
      if (pending) return pending;
      const a = resolve(id);
      return a.credentials.accessToken !== refused ? a : refreshOnce(id);
    },
    renewNow: (id) => refreshOnce(id),
  };
}
