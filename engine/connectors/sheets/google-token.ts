import { createHash, sign } from 'node:crypto';
import { GOOGLE_SHEETS_SCOPE, readServiceAccountKey, type ServiceAccountKey } from '../../contract/index.ts';
import { classifiedError, RetryableError } from '../../shared/errors.ts';
import { isTestAnswer, probeProvider, type ProviderAnswer } from '../provider-call.ts';

/**
 * Service-account access tokens (connectors.md §7): a JWT signed RS256 with the key's private
 * key (node:crypto, no library), traded at the token endpoint for an hour-long access token.
 * Tokens are kept per account and key until a minute before they expire; two steps asking at
 * once share one request. Getting a token writes nothing, so any failure to get one is safe to
 * retry (unlike the append).
 */

export interface TokenAccount {
  id: string;
  key: ServiceAccountKey;
  tokenUrl: string;
  timeoutMs: number;
}

/** The key of an account's credentials, read (they were checked at save). */
export function keyOf(serviceAccountKey: string): ServiceAccountKey {
  const key = readServiceAccountKey(serviceAccountKey);
  if (typeof key === 'string') throw new Error(`the account's key is not usable: ${key}`);
  return key;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** The signed assertion: `kid` names the key so Google finds its public half. */
export function signedAssertion(key: ServiceAccountKey, tokenUrl: string, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const header = { alg: 'RS256', typ: 'JWT', ...(key.privateKeyId ? { kid: key.privateKeyId } : {}) };
  const claims = { iss: key.clientEmail, scope: GOOGLE_SHEETS_SCOPE, aud: tokenUrl, iat, exp: iat + 3600 };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key.privateKey))}`;
}

/** Google's OAuth error body: `{"error":"invalid_grant","error_description":"Invalid JWT Signature."}`. */
function tokenWords(a: ProviderAnswer): string {
  const j = (a.json ?? {}) as { error?: unknown; error_description?: unknown };
  if (typeof j.error === 'string') return `${j.error}${typeof j.error_description === 'string' ? `: ${j.error_description}` : ''}`;
  return `HTTP ${a.status}: ${a.text.slice(0, 200)}`;
}

/** A token, or why there is none, sorted: "retry" for a passing failure, "fail" for a key Google refuses. */
export type TokenResult = { token: string; expiresInS: number } | { kind: 'retry' | 'fail'; reason: string };

export async function requestToken(transport: typeof fetch, a: TokenAccount, nowMs: number): Promise<TokenResult> {
  const body = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: signedAssertion(a.key, a.tokenUrl, nowMs) });
  const answer = await probeProvider(transport, {
    provider: 'Google sign-in',
    url: a.tokenUrl,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
    timeoutMs: a.timeoutMs,
  });
  if (isTestAnswer(answer)) return { kind: 'retry', reason: answer.message };
  const j = (answer.json ?? {}) as { access_token?: unknown; expires_in?: unknown };
  if (answer.status === 200 && typeof j.access_token === 'string') {
    return { token: j.access_token, expiresInS: typeof j.expires_in === 'number' ? j.expires_in : Number(j.expires_in ?? 3600) || 3600 };
  }
  const words = tokenWords(answer);
  if (answer.status === 429 || answer.status >= 500) return { kind: 'retry', reason: `Google sign-in is having trouble (${words})` };
  return {
    kind: 'fail',
    reason: `Google refused the service account's key (${words}): the key may have been deleted or disabled in Google Cloud, or this computer's clock is wrong; paste a new key in the account`,
  };
}

/** Cached tokens per account and key; `drop` forgets one Google said is no longer good (a 401). */
export function googleTokens(transport: typeof fetch, now: () => number = Date.now) {
  const cached = new Map<string, { token: string; expiresAtMs: number }>();
  const pending = new Map<string, Promise<string>>();
  const idOf = (a: TokenAccount) => `${a.id}:${createHash('sha256').update(`${a.key.clientEmail}\n${a.key.privateKeyId ?? ''}\n${a.key.privateKey}\n${a.tokenUrl}`).digest('hex').slice(0, 16)}`;
  return {
    async get(a: TokenAccount): Promise<string> {
      const id = idOf(a);
      const hit = cached.get(id);
      if (hit && now() < hit.expiresAtMs - 60_000) return hit.token;
      const inFlight = pending.get(id);
      if (inFlight) return inFlight;
      const p = (async () => {
        const got = await requestToken(transport, a, now());
        if ('kind' in got) throw got.kind === 'retry' ? new RetryableError(got.reason) : classifiedError('fail', got.reason);
        cached.set(id, { token: got.token, expiresAtMs: now() + got.expiresInS * 1000 });
        return got.token;
      })();
      pending.set(id, p);
      try {
        return await p;
      } finally {
        pending.delete(id);
      }
    },
    drop(a: TokenAccount, token: string): void {
      const id = idOf(a);
      if (cached.get(id)?.token === token) cached.delete(id);
    },
  };
}
export type GoogleTokens = ReturnType<typeof googleTokens>;
