import type { Command } from 'commander';
import type { ConnectionDto } from '../../contract/index.ts';
import { Platform } from '../../contract/index.ts';
import { printObject, printTable, time, type Output } from '../format.ts';
import type { ClientFor } from '../main.ts';

export function connectionsCommands(program: Command, client: ClientFor, out: (cmd: Command) => Output): void {
  const cmd = program.command('connections').description('the stores whose webhooks Flowdesk receives');
  cmd
    .command('add')
    .description('add a connection and print the webhook URL to give the platform')
    .requiredOption('--platform <platform>', `one of ${Platform.options.join(', ')}`)
    .requiredOption('--store <identity>', 'the store: its *.myshopify.com domain for Shopify')
    .requiredOption('--secret <secret>', "the webhook signing secret (Shopify: the app's client secret)")
    .option('--name <name>', 'a name to show instead of the store identity')
    .action(async function (this: Command, o: { platform: string; store: string; secret: string; name?: string }) {
      const c = await client(this).call('connections.create', {
        platform: o.platform as Platform,
        storeId: o.store,
        secret: o.secret,
        ...(o.name ? { name: o.name } : {}),
      });
      printObject(out(this), c, () => [`Connection ${c.id} (${c.platform}, ${c.storeId})`, `Webhook URL: ${c.webhookUrl}`]);
    });
  cmd
    .command('list')
    .description('list connections with their webhook URLs')
    .action(async function (this: Command) {
      const list = await client(this).call('connections.list', {});
      printTable<ConnectionDto>(out(this), list, [
        ['id', (c) => c.id],
        ['platform', (c) => c.platform],
        ['store', (c) => c.storeId],
        ['secret', (c) => c.secretHint],
        ['webhook URL', (c) => c.webhookUrl],
        ['created', (c) => time(c.createdAt)],
      ], 'No connections yet: flowdesk connections add --platform shopify --store <shop>.myshopify.com --secret <secret>');
    });
}
