import type { Platform, PlatformInfoDto } from '../../contract/index.ts';

/**
 * One `connections add` per platform, with the secret names and settings its adapter reads
 * (engine/platforms/<platform>/*-adapter.ts). `flowdesk connections platforms` prints the
 * same from the running engine, with every setting and its default.
 */
const examples: Record<Platform, { label: string; args: string }> = {
  shopify: { label: 'Shopify', args: '--platform shopify --store your-shop.myshopify.com --secret <client secret>' },
  haravan: {
    label: 'Haravan',
    args: '--platform haravan --store 1000114691 --secret webhookSecret=<webhook secret> [--secret appSecret=<app client secret>]',
  },
  sapo: { label: 'Sapo', args: '--platform sapo --store your-store.mysapo.net --secret <app secret key>' },
  woocommerce: { label: 'WooCommerce', args: '--platform woocommerce --store https://your-shop.example/ --secret <webhook secret>' },
  lazada: {
    label: 'Lazada',
    args: '--platform lazada --store <seller id> --setting appKey=<app key> --secret appSecret=<app secret> --secret accessToken=<seller access token> [--setting apiBaseUrl=https://api.lazada.sg/rest]',
  },
  nhanhvn: {
    label: 'Nhanh.vn',
    args: '--platform nhanhvn --store <business id> --secret verifyToken=<webhooks verify token> [--secret secretKey=<API v1 secret key>]',
  },
  kiotviet: {
    label: 'KiotViet',
    args: '--platform kiotviet --store <retailer> --secret webhookSecret=<webhook secret> [--secret clientSecret=<API client secret> --setting clientId=<API client id>]',
  },
  ladisales: {
    label: 'LadiSales',
    args: '--platform ladisales --store "My Ladi shop" --secret urlToken=<long random token> [--secret headerSecret=<header secret>]',
  },
  catchhook: {
    label: 'Catch hook',
    args: `--platform catchhook --store my-form --secret urlToken=<long random token> --setting 'mapping=[{"target":"platformOrderId","source":"order.id"},{"target":"createdAt","source":"order.date"},{"target":"totalPrice","source":"order.total","transform":"decimal"}]'`,
  },
};

export const addHelp = [
  '',
  'A plain --secret VALUE sets the platform\'s first secret; name the others (and any value that',
  'itself holds "="): --secret NAME=VALUE. A --setting value is read as JSON when it parses (42,',
  'true, ["a"], {"k":"v"}), else as text; text settings keep numbers as text (appKey=112233).',
  'KEY may be dotted to set inside a setting: --setting topic.source=event.',
  '',
  'Examples, one per platform (flowdesk connections platforms lists every secret and setting):',
  ...Object.values(examples).flatMap((e) => [`  ${e.label}:`, `    $ flowdesk connections add ${e.args}`]),
].join('\n');

export const updateHelp = [
  '',
  'Settings given are merged over the connection\'s current ones; secrets not named are kept.',
  'Examples:',
  '  $ flowdesk connections update con_… --secret accessToken=<new token>',
  '  $ flowdesk connections update con_… --setting lockedVariant=sha256/raw-secret/hex --name "Main shop"',
].join('\n');

/** A default short enough for a line, else what kind of value it is. */
function shortDefault(v: unknown): string {
  if (v === undefined) return '(no default)';
  const json = JSON.stringify(v);
  if (json.length <= 48) return json;
  if (Array.isArray(v)) return `[${v.length} items]`;
  return typeof v === 'object' && v !== null ? `{${Object.keys(v).length} entries}` : `${json.slice(0, 45)}…`;
}

type PropSchema = { default?: unknown; title?: string; description?: string };

function column(rows: [string, string][], indent: string): string[] {
  const width = Math.max(0, ...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `${indent}${a.padEnd(width)}  ${b}`.trimEnd());
}

/** What `connections add` needs for one platform, in words: secrets, settings with defaults, setup. */
export function describePlatform(p: PlatformInfoDto): string[] {
  const props = ((p.settingsSchema as { properties?: Record<string, PropSchema> }).properties ?? {});
  const settings = Object.entries(props).map(([key, s]): [string, string] => [
    `${key} = ${shortDefault(s.default)}`,
    [s.title, s.description].filter(Boolean).join(': '),
  ]);
  return [
    `${p.label} (--platform ${p.platform})`,
    `  Store (--store): ${p.storeIdLabel}`,
    '  Secrets (--secret NAME=VALUE):',
    ...column(p.secrets.map((s) => [s.name, `${s.optional && !/optional/i.test(s.label) ? '(optional) ' : ''}${s.label}`]), '    '),
    settings.length > 0 ? '  Settings (--setting KEY=VALUE), with their defaults:' : '  Settings: none',
    ...column(settings, '    '),
    '  Setup:',
    ...p.setup.map((step, i) => `    ${i + 1}. ${step}`),
  ];
}
