import { z } from 'zod';
import { method } from './method.ts';

/** What the user decides about keeping data; the order timeline is always kept. */
export const StorageSettings = z.object({
  /** Raw webhook bodies older than this are removed (the delivery's record stays). */
  rawBodyRetentionDays: z.number().int().min(1).max(3650).default(30),
  /** Run logs (runs and their steps' inputs/outputs) older than this are removed. */
  runLogRetentionDays: z.number().int().min(1).max(3650).default(90),
  /** When the database grows past this, the oldest raw bodies, then run logs, go first. */
  budgetMb: z.number().int().min(1).max(1_000_000).default(2048),
});
export type StorageSettings = z.infer<typeof StorageSettings>;

export const MaintenanceReportDto = z.object({
  at: z.string(),
  rawBodiesRemoved: z.number(),
  runsRemoved: z.number(),
  jobsRemoved: z.number(),
  pagesFreed: z.number(),
  overBudget: z.boolean(),
  /** How many short steps the upkeep took, the longest (what a webhook's answer could wait behind), and the whole time. */
  steps: z.number().optional(),
  longestStepMs: z.number().optional(),
  tookMs: z.number().optional(),
});
export type MaintenanceReportDto = z.infer<typeof MaintenanceReportDto>;

export const BackupDto = z.object({ file: z.string(), path: z.string(), bytes: z.number(), createdAt: z.string() });
export type BackupDto = z.infer<typeof BackupDto>;

export const StorageStatusDto = z.object({
  dataDir: z.string(),
  databaseBytes: z.number(),
  walBytes: z.number(),
  backupsBytes: z.number(),
  totalBytes: z.number(),
  budgetBytes: z.number(),
  settings: StorageSettings,
  lastMaintenance: MaintenanceReportDto.nullable(),
  backups: z.array(BackupDto),
});
export type StorageStatusDto = z.infer<typeof StorageStatusDto>;

export const storageApi = {
  'storage.status': method(z.object({}), StorageStatusDto),
  'storage.settings': method(StorageSettings.partial(), StorageSettings),
  /** Applies retention and the size budget now, then returns space to the disk. */
  'storage.maintain': method(z.object({}), MaintenanceReportDto),
  /** An online backup (SQLite's backup API) into the data dir's backups folder. */
  'storage.backup': method(z.object({}), BackupDto),
  /** Restores a backup (by file name in the backups folder): the engine restarts onto it. */
  'storage.restore': method(z.object({ file: z.string().min(1) }), z.object({
      restoredFrom: z.string(),
      /** Where the database being replaced is kept (as before-restore-<time>.db). */
      currentKeptIn: z.string(),
      /** False when the host cannot restart the engine by itself: start it again to finish. */
      restarting: z.boolean(),
    })),
};
