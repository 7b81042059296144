import { Option, type Command } from 'commander';
import type { ConnectionDto, PlatformInfoDto } from '../../contract/index.ts';
// The platform list alone: the whole contract (every API schema) would slow each command's start.
import { Platform } from '../../contract/platform.ts';
import { CliError, type EngineClient } from '../api-client.ts';
import { printObject, printTable, time, type Output } from '../format.ts';
import type { ClientFor } from '../main.ts';
import { apiArgs, collect, secretArgs, settingsArgs } from './connection-args.ts';
import { addHelp, describePlatform, updateHelp } from './connection-help.ts';

/** The engine's own description of a platform: secret names and the settings schema to read options with. */
async function platformInfo(api: EngineClient, platform: string): Promise<PlatformInfoDto> {
  const info = (await api.call('connections.platforms', {})).find((p) => p.platform === platform);
  if (!info) throw new CliError(`this engine does not support ${platform} connections`);
  return info;
}

function summary(c: ConnectionDto, verb: string): string[] {
  const secrets = Object.entries(c.secretHints).map(([name, hint]) => `${name} ${hint}`);
  return [
    `${verb} connection ${c.id} (${c.platform}, ${c.storeId}${c.name !== c.storeId ? `, "${c.name}"` : ''})`,
    `Webhook URL: ${c.webhookUrl}`,
    `Secrets: ${secrets.length > 0 ? secrets.join(', ') : 'none'}`,
    `API access: ${apiWords(c)}`,
  ];
}

function apiWords(c: ConnectionDto): string {
  if (c.noApiReason && !c.api.writeBack && !c.api.reconcile && c.api.intake === 'webhook') return `none (${c.noApiReason})`;
  const on = [
    c.api.writeBack ? 'write-back' : null,
    c.api.reconcile ? `reconciliation${c.api.reconcileEveryMinutes ? ` every ${c.api.reconcileEveryMinutes} min` : ''}` : null,
    c.api.intake === 'polling' ? `polling every ${c.api.pollEverySeconds} s (no webhooks needed)` : null,
  ].filter((x): x is string => x !== null);
  return on.length > 0 ? `${on.join(', ')}${c.apiBaseUrl ? ` through ${c.apiBaseUrl}` : ''}` : 'off (webhooks only)';
}

function flowList(flows: { id: string; name: string }[]): string {
  return flows.map((f) => `${f.id} "${f.name}"`).join(', ');
}

function withOptions(api: Record<string, unknown>, current: Record<string, string>): Record<string, unknown> {
  return api['options'] ? { ...api, options: { ...current, ...(api['options'] as Record<string, string>) } } : api;
}

export function connectionsCommands(program: Command, client: ClientFor, out: (cmd: Command) => Output): void {
  const cmd = program.command('connections').description('the stores whose webhooks Flowdesk receives');
  cmd
    .command('add')
    .description('add a connection and print the webhook URL to give the platform')
    .addOption(new Option('--platform <platform>', 'the platform').choices(Platform.options).makeOptionMandatory())
    .requiredOption('--store <identity>', 'the store on its platform: shop domain, org id, seller id, site URL… (see connections platforms)')
    .option('--name <name>', 'a name to show instead of the store identity')
    .option('--secret <[name=]value>', 'a secret, repeatable; a plain value sets the platform\'s first secret', collect)
    .option('--setting <key=value>', 'a setting, repeatable; the value is JSON when it parses, else text', collect)
    .option('--api <key=value>', 'API access, repeatable: writeBack=true, reconcile=true, intake=polling, pollEverySeconds=60, baseUrl=…, options.NAME=…', collect)
    .addHelpText('after', addHelp)
    .action(async function (this: Command, o: { platform: Platform; store: string; name?: string; secret?: string[]; setting?: string[]; api?: string[] }) {
      const [secrets, settings, access] = [o.secret ?? [], o.setting ?? [], o.api ?? []];
      const api = client(this);
      const info = await platformInfo(api, o.platform);
      const c = await api.call('connections.create', {
        platform: o.platform,
        storeId: o.store,
        secrets: secretArgs(secrets, info),
        ...(settings.length > 0 ? { settings: settingsArgs(settings, info, {}) } : {}),
        ...(access.length > 0 ? { api: apiArgs(access) } : {}),
        ...(o.name ? { name: o.name } : {}),
      });
      printObject(out(this), c, () => summary(c, 'Added'));
    });
  cmd
    .command('update <id>')
    .description('rename a connection, replace some of its secrets, or change some of its settings')
    .option('--name <name>', 'a new name')
    .option('--secret <[name=]value>', 'a secret to replace, repeatable; the others are kept', collect)
    .option('--setting <key=value>', 'a setting to change, repeatable; the others are kept', collect)
    .option('--api <key=value>', 'API access to change, repeatable (writeBack=true, reconcile=true, intake=polling, baseUrl=…, options.NAME=…); the rest is kept', collect)
    .addHelpText('after', updateHelp)
    .action(async function (this: Command, id: string, o: { name?: string; secret?: string[]; setting?: string[]; api?: string[] }) {
      const [secrets, settings, access] = [o.secret ?? [], o.setting ?? [], o.api ?? []];
      if (o.name === undefined && secrets.length === 0 && settings.length === 0 && access.length === 0) {
        throw new CliError('nothing to change: give --name, --secret, --setting or --api');
      }
      const api = client(this);
      const current = await api.call('connections.get', { id });
      const info = await platformInfo(api, current.platform);
      const c = await api.call('connections.update', {
        id,
        ...(o.name !== undefined ? { name: o.name } : {}),
        ...(secrets.length > 0 ? { secrets: secretArgs(secrets, info) } : {}),
        // The API replaces the settings object as a whole: send the current one with the changes.
        ...(settings.length > 0 ? { settings: settingsArgs(settings, info, current.settings) } : {}),
        // Options are merged here too: the API replaces `options` as a whole.
        ...(access.length > 0 ? { api: withOptions(apiArgs(access), current.api.options) } : {}),
      });
      printObject(out(this), c, () => summary(c, 'Updated'));
    });
  cmd
    .command('remove <id>')
    .description('remove a connection; active flows no other connection can serve are deactivated (kept)')
    .option('--dry-run', 'remove nothing; say which flows would be deactivated')
    .action(async function (this: Command, id: string, o: { dryRun?: boolean }) {
      const dryRun = o.dryRun ?? false;
      const r = await client(this).call('connections.remove', { id, dryRun });
      const n = r.deactivatedFlows.length;
      const flows = n === 0 ? 'no flow' : `${n} flow${n === 1 ? '' : 's'}: ${flowList(r.deactivatedFlows)}`;
      printObject(out(this), { ...r, dryRun }, () =>
        dryRun
          ? [`Dry run, nothing removed: removing ${id} would deactivate ${flows}.`]
          : [`Removed connection ${id}; deactivated ${flows}.`, ...(n > 0 ? ['Deactivated flows are kept: activate them again once a connection can serve them.'] : [])],
      );
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
      ], 'No connections yet: flowdesk connections add --platform shopify --store <shop>.myshopify.com --secret <secret> (see flowdesk connections add --help)');
    });
  cmd
    .command('platforms [platform]')
    .description('what a connection of each platform takes: secrets, settings with their defaults, setup steps')
    .action(async function (this: Command, platform: string | undefined) {
      const list = await client(this).call('connections.platforms', {});
      const shown = platform ? list.filter((p) => p.platform === platform) : list;
      if (platform && shown.length === 0) throw new CliError(`no platform "${platform}"; the platforms are ${list.map((p) => p.platform).join(', ')}`);
      printObject(out(this), shown, () => shown.flatMap((p, i) => [...(i > 0 ? [''] : []), ...describePlatform(p)]));
    });
}
