import { existsSync, statSync } from 'node:fs';
import type { BackupDto, MaintenanceReportDto, StorageSettings as StorageSettingsType, StorageStatusDto } from '../contract/index.ts';
import { StorageSettings } from '../contract/index.ts';
import type { Repositories } from './repositories.ts';
import { createMaintenance, UpkeepStopped } from './maintenance.ts';
import { checkBackup, createBackup, listBackups, resolveBackup, scheduleRestore } from './backup.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { EngineError } from '../shared/errors.ts';

export interface StorageServiceOptions {
  dataDir: string;
  dbFile: string;
  backupsDir: string;
  /** How often retention, vacuum and a WAL checkpoint run (default hourly); 0 turns the timer off. */
  maintenanceEveryMs?: number;
  /** A WAL checkpoint after upkeep (the checkpoint thread's); by default on this connection. */
  checkpoint?: () => Promise<void>;
  /** Whether webhooks are arriving: upkeep then spaces out its steps. */
  arriving?: () => boolean;
  /** Called when a restore needs the engine to start again on the restored file. */
  onRestartRequested?: (() => void) | undefined;
}

const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/** Settings, status, upkeep on a timer, online backups and restores. */
export function createStorageService(repos: Repositories, clock: Clock, logger: Logger, o: StorageServiceOptions) {
  let stopping = false;
  const maintenance = createMaintenance(repos.db, { stopping: () => stopping, busy: () => o.arriving?.() ?? false });
  const timers: NodeJS.Timeout[] = [];

  function settings(): StorageSettingsType {
    return StorageSettings.parse(repos.settings.get('storage') ?? {});
  }

  const checkpoint = o.checkpoint ?? (async () => void repos.db.pragma('wal_checkpoint(PASSIVE)'));
  let running: Promise<MaintenanceReportDto> | null = null;

  /** One upkeep at a time: a call while one runs gets that one's report. */
  function maintain(): Promise<MaintenanceReportDto> {
    running ??= (async () => {
      try {
        const report = await maintenance.run(settings(), clock.now(), checkpoint);
        repos.settings.set('storage.lastMaintenance', report);
        if (report.rawBodiesRemoved + report.runsRemoved > 0) logger.info('storage upkeep', report);
        if (report.overBudget) logger.warn('the database is still over its size budget after upkeep: raise the budget or free disk', report);
        return report;
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    settings,
    updateSettings(patch: Partial<StorageSettingsType>): StorageSettingsType {
      const next = StorageSettings.parse({ ...settings(), ...patch });
      repos.settings.set('storage', next);
      return next;
    },
    maintain,
    status(): StorageStatusDto {
      const backups = listBackups(o.backupsDir);
      const databaseBytes = size(o.dbFile);
      const walBytes = size(`${o.dbFile}-wal`) + size(`${o.dbFile}-shm`);
      const backupsBytes = backups.reduce((a, b) => a + b.bytes, 0);
      const s = settings();
      return {
        dataDir: o.dataDir,
        databaseBytes,
        walBytes,
        backupsBytes,
        totalBytes: databaseBytes + walBytes + backupsBytes,
        budgetBytes: s.budgetMb * 1024 * 1024,
        settings: s,
        lastMaintenance: repos.settings.get<MaintenanceReportDto>('storage.lastMaintenance') ?? null,
        backups,
      };
    },
    backup(): Promise<BackupDto> {
      return createBackup(repos.db, o.backupsDir, clock.now());
    },
    restore(file: string): { restoredFrom: string; currentKeptIn: string; restarting: boolean } {
      const path = resolveBackup(o.backupsDir, file);
      const problem = checkBackup(path);
      if (problem) throw new EngineError('invalid_args', problem);
      scheduleRestore(o.dataDir, path);
      const restarting = o.onRestartRequested !== undefined;
      if (restarting) setImmediate(() => o.onRestartRequested!());
      return { restoredFrom: path, currentKeptIn: o.backupsDir, restarting };
    },
    start(): void {
      stopping = false;
      const every = o.maintenanceEveryMs ?? 3_600_000;
      const run = (what: string, fn: () => Promise<unknown>) => () => {
        fn().catch((error: unknown) => {
          if (!(error instanceof UpkeepStopped)) logger.warn(`storage ${what} failed`, { error: String(error) });
        });
      };
      if (every > 0) {
        timers.push(setTimeout(run('upkeep', maintain), 5_000).unref());
        timers.push(setInterval(run('upkeep', maintain), every).unref());
      }

    },
    /** Stops the timer and waits for an upkeep under way to finish its step. */
    async stop(): Promise<void> {
      stopping = true;
      for (const t of timers.splice(0)) clearTimeout(t);
      await running?.catch(() => undefined);
    },
  };
}
export type StorageService = ReturnType<typeof createStorageService>;
