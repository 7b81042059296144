import { join } from 'node:path';
import type { ApiArgsInput, ApiMethodName, ApiReply, ApiResult } from '../contract/index.ts';
import { dataFiles } from '../host/data-dir.ts';
import { readRuntime } from '../host/runtime-file.ts';
import { readToken } from '../host/token.ts';

export class CliError extends Error {
  override name = 'CliError';
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
      if (!reply.ok) throw new CliError(`${reply.error.message} [${reply.error.code}]`);
      return reply.result as ApiResult<M>;
    },
  };
}
export type EngineClient = ReturnType<typeof connectToEngine>;
