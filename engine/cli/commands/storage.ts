import { join } from 'node:path';
import type { Command } from 'commander';
import type { BackupDto } from '../../contract/index.ts';
import { dataFiles } from '../../storage/data-dir.ts';
import { readRuntime } from '../../storage/runtime-file.ts';
import { openDatabase } from '../../storage/database.ts';
import { applyPendingRestore, checkBackup, createBackup, resolveBackup, scheduleRestore } from '../../storage/backup.ts';
import { CliError } from '../api-client.ts';
import { printObject, printTable, time, type Output } from '../format.ts';
import type { ClientFor } from '../main.ts';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Backups work whether or not an engine runs on the data dir: through it if one does. */
export function storageCommands(program: Command, client: ClientFor, out: (cmd: Command) => Output, dataDirOf: (cmd: Command) => string): void {
  const running = (cmd: Command) => readRuntime(join(dataDirOf(cmd), dataFiles.runtime)) !== null;

  const storage = program.command('storage').description('the data dir: sizes, retention, upkeep');
  storage
    .command('status')
    .description('sizes against the budget, retention settings, last upkeep, backups')
    .action(async function (this: Command) {
      const s = await client(this).call('storage.status', {});
      printObject(out(this), s, () => [
        `Data dir ${s.dataDir}: ${mb(s.totalBytes)} of a ${mb(s.budgetBytes)} budget (database ${mb(s.databaseBytes)}, WAL ${mb(s.walBytes)}, backups ${mb(s.backupsBytes)})`,
        `Raw bodies kept ${s.settings.rawBodyRetentionDays} days, run logs ${s.settings.runLogRetentionDays} days; the order timeline is always kept.`,
        s.lastMaintenance ? `Last upkeep ${time(s.lastMaintenance.at)}: ${s.lastMaintenance.rawBodiesRemoved} bodies and ${s.lastMaintenance.runsRemoved} run logs removed` : 'No upkeep yet.',
        `${s.backups.length} backup(s)${s.backups[0] ? `, newest ${s.backups[0].file}` : ''}`,
      ]);
    });
  storage
    .command('maintain')
    .description('apply retention and the budget now, and give free space back to the disk')
    .action(async function (this: Command) {
      const r = await client(this).call('storage.maintain', {});
      printObject(out(this), r, () => [`Removed ${r.rawBodiesRemoved} raw bodies, ${r.runsRemoved} run logs, ${r.jobsRemoved} finished jobs; freed ${r.pagesFreed} pages.${r.overBudget ? ' Still over the budget.' : ''}`]);
    });

  program
    .command('backup')
    .description('an online backup of the database into <data dir>/backups')
    .action(async function (this: Command) {
      let b: BackupDto;
      if (running(this)) b = await client(this).call('storage.backup', {});
      else {
        const dir = dataDirOf(this);
        const db = openDatabase(join(dir, dataFiles.database));
        try {
          b = await createBackup(db, join(dir, dataFiles.backups), Date.now());
        } finally {
          db.close();
        }
      }
      printObject(out(this), b, () => [`Backed up to ${b.path} (${mb(b.bytes)}). Keep secret.key from the data dir with it to restore elsewhere.`]);
    });
  program
    .command('backups')
    .description('list backups')
    .action(async function (this: Command) {
      const s = await client(this).call('storage.status', {});
      printTable<BackupDto>(out(this), s.backups, [['file', (b) => b.file], ['size', (b) => mb(b.bytes)], ['made', (b) => time(b.createdAt)]], 'No backups yet: flowdesk backup');
    });
  program
    .command('restore <file>')
    .description('replace the database with a backup (a name in <data dir>/backups, or a path); the current one is kept')
    .action(async function (this: Command, file: string) {
      if (running(this)) {
        const r = await client(this).call('storage.restore', { file });
        printObject(out(this), r, () => [`Restoring ${r.restoredFrom}: ${r.restarting ? 'the engine is restarting on it' : 'restart the engine to finish'}. The current database is kept in ${r.currentKeptIn}.`]);
        return;
      }
      const dir = dataDirOf(this);
      const backups = join(dir, dataFiles.backups);
      const path = resolveBackup(backups, file);
      const problem = checkBackup(path);
      if (problem) throw new CliError(problem);
      scheduleRestore(dir, path);
      const done = applyPendingRestore(dir, join(dir, dataFiles.database), backups, Date.now());
      printObject(out(this), done, () => [`Restored ${done!.restoredFrom}. The database it replaced is kept as ${done!.savedCurrentAs}.`]);
    });
}
