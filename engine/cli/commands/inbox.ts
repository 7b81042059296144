import { readFileSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { InboxVerdict, Platform, type DeliveryFilter, type InboxEntryDto } from '../../contract/index.ts';
import { CliError } from '../api-client.ts';
import { printTable, time, type Output } from '../format.ts';
import type { ClientFor } from '../main.ts';

/** `--since 2026-12-01` or a full ISO time, as the API wants it. */
export function isoTime(v: string): string {
  const at = Date.parse(v);
  if (Number.isNaN(at)) throw new InvalidArgumentError('a time such as 2026-12-01 or 2026-12-01T08:00:00Z');
  return new Date(at).toISOString();
}

function oneOf<T extends string>(values: readonly T[]) {
  return (v: string): T => {
    if (!(values as readonly string[]).includes(v)) throw new InvalidArgumentError(`one of ${values.join(', ')}`);
    return v as T;
  };
}

interface FilterOpts { connection?: string; platform?: Platform; topic?: string; verdict?: InboxVerdict; query?: string; since?: string; until?: string }

function filterOf(o: FilterOpts): DeliveryFilter {
  return {
    ...(o.connection ? { connectionId: o.connection } : {}),
    ...(o.platform ? { platform: o.platform } : {}),
    ...(o.topic ? { topic: o.topic } : {}),
    ...(o.verdict ? { verdict: o.verdict } : {}),
    ...(o.query ? { query: o.query } : {}),
    ...(o.since ? { since: o.since } : {}),
    ...(o.until ? { until: o.until } : {}),
  };
}

function withFilters(c: Command): Command {
  return c
    .option('--connection <id>', 'only this connection')
    .option('--platform <platform>', `only this platform (${Platform.options.join(', ')})`, oneOf(Platform.options))
    .option('--topic <topic>', 'only this topic (orders/create…)')
    .option('--verdict <verdict>', `only this verdict (${InboxVerdict.options.join(', ')})`, oneOf(InboxVerdict.options))
    .option('--query <text>', 'text in the topic, delivery key, reason, outcome or order number')
    .option('--since <time>', 'received at or after this time', isoTime)
    .option('--until <time>', 'received before this time', isoTime);
}

export function inboxCommands(program: Command, client: ClientFor, out: (cmd: Command) => Output): void {
  const cmd = program.command('inbox').description('every webhook delivery received, as received');
  withFilters(cmd.command('list'))
    .description('deliveries, newest first: verdict, reason and what each became')
    .option('--limit <n>', 'how many', (v) => Number(v), 50)
    .action(async function (this: Command, o: FilterOpts & { limit: number }) {
      const list = await client(this).call('inbox.search', { filter: filterOf(o), limit: o.limit });
      printTable<InboxEntryDto>(out(this), list, [
        ['#', (e) => e.id],
        ['received', (e) => time(e.receivedAt)],
        ['connection', (e) => e.connectionId],
        ['topic', (e) => e.topic],
        ['verdict', (e) => `${e.verdict} (${e.httpStatus})${e.source === 'webhook' ? '' : `, ${e.source}`}`],
        ['reason', (e) => e.reason],
        ['duplicate of', (e) => e.duplicateOf],
        ['became', (e) => e.outcome ?? e.processing],
      ], 'No deliveries match.');
    });

  withFilters(cmd.command('export'))
    .description('write deliveries (the ids given, or those the filters find) to a capture file: headers, body as base64, metadata')
    .argument('[ids...]', 'delivery numbers (as `flowdesk inbox list` shows them)')
    .option('-o, --output <file>', 'the capture file to write (default: print it)')
    .action(async function (this: Command, ids: string[], o: FilterOpts & { output?: string }) {
      const numbers = ids.map((v) => {
        const n = Number(v.replace(/^#/, ''));
        if (!Number.isInteger(n)) throw new CliError(`"${v}" is not a delivery number`);
        return n;
      });
      const file = await client(this).call('inbox.export', numbers.length > 0 ? { ids: numbers } : { filter: filterOf(o) });
      const text = `${JSON.stringify(file, null, 2)}\n`;
      if (!o.output) return void out(this).write(text);
      writeFileSync(o.output, text);
      out(this).write(out(this).json ? `${JSON.stringify({ file: o.output, deliveries: file.deliveries.length })}\n` : `exported ${file.deliveries.length} deliveries to ${o.output}\n`);
    });

  cmd
    .command('import')
    .description('record the deliveries of a capture file (or a HAR) as if they had just arrived: verified, deduplicated, processed; all or none')
    .argument('<file>', 'a Flowdesk capture file (JSON), or a HAR with --har')
    .option('--har', 'the file is a HAR (HTTP Archive): each request becomes a delivery')
    .option('--connection <id>', 'the connection to import into (default: by platform and store, or a HAR URL\'s /hooks/<id>)')
    .action(async function (this: Command, path: string, o: { har?: boolean; connection?: string }) {
      let file: unknown;
      try {
        file = JSON.parse(readFileSync(path, 'utf8')) as unknown;
      } catch (error) {
        throw new CliError(`cannot read ${path} as JSON: ${(error as Error).message}`);
      }
      const result = await client(this).call('inbox.import', { file, format: o.har ? 'har' : 'capture', ...(o.connection ? { connectionId: o.connection } : {}) });
      const output = out(this);
      if (output.json) return void output.write(`${JSON.stringify(result, null, 2)}\n`);
      output.write(`imported ${result.imported} deliveries\n`);
      printTable<InboxEntryDto>(output, result.entries, [
        ['#', (e) => e.id],
        ['connection', (e) => e.connectionId],
        ['topic', (e) => e.topic],
        ['verdict', (e) => `${e.verdict} (${e.httpStatus})`],
        ['reason', (e) => e.reason],
      ], '');
    });
}
