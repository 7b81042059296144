import type { Command } from 'commander';
import { apiInUse, type ReconcileProgress } from '../../contract/index.ts';
import { CliError } from '../api-client.ts';
import type { Output } from '../format.ts';
import type { ClientFor } from '../main.ts';

const line = (name: string, p: ReconcileProgress) =>
  `${name}: ${p.state === 'running' ? 'reconciling' : p.state}, ${p.pages} page(s), ${p.fetched} changed order(s) listed, ${p.upToDate} already up to date, ${p.queued} queued${p.error ? ` — ${p.error}` : ''}`;

/**
 * `flowdesk reconcile`: fetches the orders a platform changed since the last one Flowdesk saw
 * (missed webhooks, time the engine was down) and processes them like webhooks, with a
 * progress line. Every connection that uses its API, or the one named.
 */
export function reconcileCommand(program: Command, client: ClientFor, out: (cmd: Command) => Output): void {
  program
    .command('reconcile')
    .description('fetch orders changed on the platforms since the last one seen, and process them like webhooks')
    .option('--connection <id>', 'only this connection (default: every connection with API access on)')
    .option('--since <time>', 'from this time (ISO 8601, e.g. 2026-12-01T00:00:00Z) instead of the last order seen')
    .action(async function (this: Command, o: { connection?: string; since?: string }) {
      const api = client(this);
      const output = out(this);
      let since: string | undefined;
      if (o.since !== undefined) {
        const at = Date.parse(o.since);
        if (Number.isNaN(at)) throw new CliError(`--since "${o.since}" is not a time: write it as 2026-12-01T00:00:00Z`);
        since = new Date(at).toISOString();
      }
      const all = await api.call('connections.list', {});
      const chosen = o.connection ? all.filter((c) => c.id === o.connection) : all.filter((c) => apiInUse(c.api));
      if (o.connection && chosen.length === 0) throw new CliError(`no connection ${o.connection}; \`flowdesk connections list\` shows them`);
      if (chosen.length === 0) throw new CliError('no connection has API access on: turn on reconciliation or write-back for one first (Connections → API access)');
      const results: ReconcileProgress[] = [];
      let failed = false;
      for (const c of chosen) {
        let p = await api.call('connections.reconcile', { id: c.id, ...(since ? { since } : {}) });
        const tty = !output.json && process.stderr.isTTY;
        while (p.state === 'running') {
          if (tty) process.stderr.write(`\r${line(c.name, p)}`);
          await new Promise((r) => setTimeout(r, 300));
          p = await api.call('connections.reconcileStatus', { id: c.id });
        }
        if (tty) process.stderr.write('\r\x1b[K');
        results.push(p);
        failed ||= p.state === 'failed';
        if (!output.json) output.write(`${line(c.name, p)}\n`);
      }
      if (output.json) output.write(`${JSON.stringify(results, null, 2)}\n`);
      if (failed) process.exitCode = 1;
    });
}
