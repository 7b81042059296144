import { z } from 'zod';
import { method } from './method.ts';

export const JobState = z.enum(['queued', 'leased', 'done', 'dead']);
export type JobState = z.infer<typeof JobState>;

export const JobDto = z.object({
  id: z.number(),
  kind: z.string(),
  state: JobState,
  attempts: z.number(),
  maxAttempts: z.number(),
  runAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobDto = z.infer<typeof JobDto>;

export const EngineStatusDto = z.object({
  version: z.string(),
  dataDir: z.string(),
  apiUrl: z.string(),
  webhookBaseUrl: z.string(),
  startedAt: z.string(),
  queue: z.record(JobState, z.number()),
});
export type EngineStatusDto = z.infer<typeof EngineStatusDto>;

export const engineApi = {
  'engine.status': method(z.object({}), EngineStatusDto),
  'jobs.list': method(
    z.object({ state: JobState.optional(), limit: z.number().int().min(1).max(1000).default(100) }),
    z.array(JobDto),
  ),
  /** Puts a dead job back in the queue. */
  'jobs.retry': method(z.object({ id: z.number().int() }), JobDto),
};
