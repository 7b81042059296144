import { join } from 'node:path';
import type { ApiArgsInput, ApiErrorBody, ApiMethodName, ApiReply, ApiResult } from '../contract/index.ts';
import { dataFiles } from '../storage/data-dir.ts';
import { readRuntime } from '../storage/runtime-file.ts';
import { readToken } from '../storage/token.ts';

export class CliError extends Error {
  override name = 'CliError';
}

/**
 * An API error as one line for a terminal. Arguments the contract refuses come back with zod's
 * multi-line rendering; their issues (in details) say the same as `path: message` pairs.
 */
function oneLine(error: ApiErrorBody): string {
  const issues = Array.isArray(error.details) ? (error.details as unknown[]).filter(isIssue) : [];
  const text = error.message.includes('\n') && issues.length > 0
    ? issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')
    : error.message;
  return text.replace(/\s*\n\s*/g, ' ');
}

function isIssue(v: unknown): v is { path: (string | number)[]; message: string } {
  const i = v as { path?: unknown; message?: unknown } | null;
  return typeof i === 'object' && i !== null && Array.isArray(i.path) && typeof i.message === 'string';
}

/** Talks to the engine running on a data dir, through its API, with the token kept there. */
export function connectToEngine(dataDir: string) {
  const runtime = readRuntime(join(dataDir, dataFiles.runtime));
  if (!runtime || !runtime.apiUrl) {
    throw new CliError(`No Flowdesk engine is running for ${dataDir}. Start one with: flowdesk serve --data-dir ${dataDir}`);
  }
  const token = readToken(join(dataDir, dataFiles.token));
  if (!token) throw new CliError(`No API token in ${dataDir} (${dataFiles.token}); was this data dir made by Flowdesk?`);
  return {
    runtime,
    async call<M extends ApiMethodName>(method: M, args: ApiArgsInput<M>): Promise<ApiResult<M>> {
      let res: Response;
      try {
        res = await fetch(`${runtime.apiUrl}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(args),
        });
      } catch (error) {
        throw new CliError(`The engine for ${dataDir} does not answer at ${runtime.apiUrl} (${(error as Error).message}).`);
      }
      const reply = (await res.json()) as ApiReply;
      if (!reply.ok) throw new CliError(`${oneLine(reply.error)} [${reply.error.code}]`);
      return reply.result as ApiResult<M>;
    },
  };
}
export type EngineClient = ReturnType<typeof connectToEngine>;
