import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { FlowSummaryDto } from '../../contract/index.ts';
import { printObject, printTable, time, type Output } from '../format.ts';
import { CliError } from '../api-client.ts';
import type { ClientFor } from '../main.ts';

export function flowsCommands(program: Command, client: ClientFor, out: (cmd: Command) => Output): void {
  const cmd = program.command('flows').description('automation flows');
  cmd
    .command('import <file>')
    .description('import a flow file (as exported) as a new flow')
    .option('--activate', 'activate it at once')
    .action(async function (this: Command, file: string, o: { activate?: boolean }) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new CliError(`cannot read ${file} as JSON: ${(error as Error).message}`);
      }
      const flow = await client(this).call('flows.import', { file: parsed, activate: o.activate ?? false });
      printObject(out(this), flow, () => [
        `Imported flow ${flow.id} "${flow.name}" version ${flow.version}${flow.activeVersion ? ', active' : ' (not active: flowdesk flows import --activate, or activate it in the editor)'}`,
      ]);
    });
  cmd
    .command('list')
    .description('list flows, their active version and last run')
    .action(async function (this: Command) {
      const list = await client(this).call('flows.list', {});
      printTable<FlowSummaryDto>(out(this), list, [
        ['id', (f) => f.id],
        ['name', (f) => f.name],
        ['active', (f) => (f.activeVersion ? `v${f.activeVersion}` : 'off')],
        ['latest', (f) => `v${f.latestVersion}`],
        ['last run', (f) => (f.lastRun ? `${f.lastRun.status} ${time(f.lastRun.at)}` : null)],
      ], 'No flows yet: flowdesk flows import <file> --activate');
    });
  cmd
    .command('export <id>')
    .description('print a flow as a file to import elsewhere')
    .option('--version <n>', 'a version other than the latest', (v) => Number(v))
    .action(async function (this: Command, id: string, o: { version?: number }) {
      const file = await client(this).call('flows.export', { id, ...(o.version ? { version: o.version } : {}) });
      out(this).write(`${JSON.stringify(file, null, 2)}\n`);
    });
}
