import type { Command } from 'commander';
import type { InboxEntryDto } from '../../contract/index.ts';
import { printTable, time, type Output } from '../format.ts';
import type { ClientFor } from '../main.ts';

export function inboxCommands(program: Command, client: ClientFor, out: (cmd: Command) => Output): void {
  const cmd = program.command('inbox').description('every webhook delivery received, as received');
  cmd
    .command('list')
    .description('deliveries, newest first: verdict, reason and what each became')
    .option('--connection <id>', 'only this connection')
    .option('--limit <n>', 'how many', (v) => Number(v), 50)
    .action(async function (this: Command, o: { connection?: string; limit: number }) {
      const list = await client(this).call('inbox.list', { limit: o.limit, ...(o.connection ? { connectionId: o.connection } : {}) });
      printTable<InboxEntryDto>(out(this), list, [
        ['#', (e) => e.id],
        ['received', (e) => time(e.receivedAt)],
        ['connection', (e) => e.connectionId],
        ['topic', (e) => e.topic],
        ['verdict', (e) => `${e.verdict} (${e.httpStatus})`],
        ['reason', (e) => e.reason],
        ['duplicate of', (e) => e.duplicateOf],
        ['became', (e) => e.outcome ?? e.processing],
      ], 'No deliveries yet.');
    });
}
