import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowNode } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { createdThen, orderCreated, postOrderCreated, settled } from '../harness/chat-flows.ts';
import { makeServiceAccount, startFakeGoogleSheets, type FakeGoogleSheets } from '../harness/fake-google-sheets.ts';

const SHEET_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-xyz';
const SHEET_URL = `https://docs.google.com/spreadsheets/d/${SHEET_ID}/edit#gid=0`;
const sa = makeServiceAccount();
const COLUMNS = [
  { header: 'Mã đơn', value: '{{ order.number }}' },
  { header: 'Khách hàng', value: '{{ order.customer.name }}' },
  { header: 'Điện thoại', value: '0912345678' },
  { header: 'Tổng tiền', value: '{{ order.totalPrice }}' },
  { header: 'Tổng', value: '=SUM(D2:D3)' },
];

function googleNode(account: string, params: Record<string, unknown> = {}): FlowNode {
  return { id: 'gsheet', type: 'sheets.append_google_row', typeVersion: 1, position: { x: 0, y: 160 }, label: 'Ghi vào Google Sheets', params: { account, spreadsheet: SHEET_URL, sheet: 'Đơn hàng', columns: COLUMNS, ...params } };
}

describe('Google Sheets values.append with a service account, against a fake Google on 127.0.0.1', () => {
  let t: TempEngine;
  let g: FakeGoogleSheets;
  let hookUrl: string;
  let accountId: string;

  const appends = () => g.requests.filter((r) => r.path.endsWith(':append'));
  const rows = () => g.spreadsheets.get(SHEET_ID)!.tabs['Đơn hàng']!;
  const step = (run: { steps: { nodeId: string }[] }) => run.steps.find((s) => s.nodeId === 'gsheet') as Record<string, any>;
  async function activate(params: Record<string, unknown> = {}) {
    const flow = await t.engine.call('flows.save', { document: createdThen(googleNode(accountId, params), 'Sổ đơn Google') });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }

  beforeEach(async () => {
    g = await startFakeGoogleSheets(sa.publicKey);
    g.spreadsheets.set(SHEET_ID, { title: 'Sổ đơn hàng 2026', tabs: { 'Đơn hàng': [['Mã đơn', 'Khách hàng', 'Điện thoại', 'Tổng tiền', 'Tổng']] }, sharedWith: [sa.clientEmail] });
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
    const acc = await t.engine.call('accounts.create', { connector: 'google_sheets', name: 'Google cửa hàng', credentials: { serviceAccountKey: sa.keyJson }, settings: { tokenUrl: g.tokenUrl, baseUrl: g.baseUrl } });
    accountId = acc.id;
  });
  afterEach(async () => {
    await t.close();
    await g.close();
  });

  it('appends the row: a JWT signed RS256 with the key for a token, then the exact values.append request', async () => {
    await activate();
    const run = await orderCreated(t, hookUrl, 9001);
    expect(run.status).toBe('succeeded');

    expect(g.grants).toHaveLength(1);
    const [grant] = g.grants;
    expect(grant!.signatureValid).toBe(true);
    expect(grant!.grantType).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(grant!.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: sa.privateKeyId });
    const claims = grant!.claims as { iat: number; exp: number };
    expect(grant!.claims).toEqual({ iss: sa.clientEmail, scope: 'https://www.googleapis.com/auth/spreadsheets', aud: g.tokenUrl, iat: expect.any(Number), exp: claims.iat + 3600 });
    expect(Math.abs(claims.iat - Date.now() / 1000)).toBeLessThan(30);

    expect(appends()).toEqual([
      {
        method: 'POST',
        path: `/v4/spreadsheets/${SHEET_ID}/values/'%C4%90%C6%A1n%20h%C3%A0ng'!A1:append`,
        query: { valueInputOption: 'USER_ENTERED', insertDataOption: 'INSERT_ROWS', includeValuesInResponse: 'false' },
        authorization: `Bearer ${grant!.token}`,
        contentType: 'application/json',
        // The phone keeps its 0 (an apostrophe), the user's own formula stays one.
        body: { majorDimension: 'ROWS', values: [['#9001', 'John Smith', "'0912345678", '403.00', '=SUM(D2:D3)']] },
        atMs: expect.any(Number),
      },
    ]);
    expect(rows()).toHaveLength(2);
    expect(step(run).intents[0]).toMatchObject({
      kind: 'sheets.appendGoogle', outcome: 'done',
      args: { account: 'Google cửa hàng', spreadsheetId: SHEET_ID, sheet: 'Đơn hàng', row: { 'Mã đơn': '#9001', 'Điện thoại': '0912345678' } },
      result: { spreadsheetId: SHEET_ID, updatedRange: "'Đơn hàng'!A2:E2", updatedRows: 1 },
    });
    expect(JSON.stringify(run)).not.toContain(grant!.token!);
    expect(JSON.stringify(run)).not.toContain('PRIVATE KEY');
  });

  it('keeps the token until it expires, then signs for a new one', async () => {
    await activate({ valueInput: 'RAW', sheet: '' });
    g.spreadsheets.get(SHEET_ID)!.tabs = { 'Trang tính1': [] };
    // A token that lives less than the minute of margin is used once, then replaced.
    g.tokenLifetime = 30;
    await orderCreated(t, hookUrl, 9002);
    await orderCreated(t, hookUrl, 9003);
    // An hour-long token is kept for the next rows.
    g.tokenLifetime = 3599;
    await orderCreated(t, hookUrl, 9004);
    await orderCreated(t, hookUrl, 9005);
    expect(g.grants).toHaveLength(3);
    expect(appends().map((r) => r.authorization)).toEqual([1, 2, 3, 3].map((n) => `Bearer ${g.grants[n - 1]!.token}`));
    // RAW: values as they are; no tab named: the range is the first tab's A1.
    expect(appends()[0]!.path).toBe(`/v4/spreadsheets/${SHEET_ID}/values/A1:append`);
    expect(appends()[0]!.query['valueInputOption']).toBe('RAW');
    expect((appends()[0]!.body as { values: unknown[][] }).values[0]![2]).toBe('0912345678');
    expect(g.spreadsheets.get(SHEET_ID)!.tabs['Trang tính1']!.map((r) => r[0])).toEqual(['#9002', '#9003', '#9004', '#9005']);
  });

  it('a token Google stopped taking (401) gets a new one and the row is appended once', async () => {
    await activate();
    await orderCreated(t, hookUrl, 9006);
    g.expireTokens();
    const run = await orderCreated(t, hookUrl, 9007);
    expect(run.status).toBe('succeeded');
    expect(g.grants).toHaveLength(2);
    expect(appends().map((r) => r.authorization)).toEqual([`Bearer ${g.grants[0]!.token}`, `Bearer ${g.grants[0]!.token}`, `Bearer ${g.grants[1]!.token}`]);
    expect(rows().slice(1).map((r) => r[0])).toEqual(['#9006', '#9007']);
  });

  it('429 then success: waits as Google asks (Retry-After), then appends once; a 503 is retried', async () => {
    g.script({ status: 429, retryAfter: 3 });
    await activate();
    const parked = await orderCreated(t, hookUrl, 9008);
    expect(parked.status).toBe('waiting');
    const run = await settled(t, parked.id);
    expect(run.status).toBe('succeeded');
    const [first, second] = appends();
    // Node's timers can fire a millisecond early by Date.now() (2,999 ms seen once in CI).
    expect(second!.atMs - first!.atMs).toBeGreaterThanOrEqual(2_990);
    expect(rows().slice(1).map((r) => r[0])).toEqual(['#9008']);

    g.script({ status: 429 }, { status: 503 });
    const again = await orderCreated(t, hookUrl, 9009);
    expect(again.status).toBe('succeeded');
    expect(appends()).toHaveLength(5);
    expect(rows().slice(1).map((r) => r[0])).toEqual(['#9008', '#9009']);
  });

  it('403 PERMISSION_DENIED fails the step saying whom to share the sheet with; a missing tab and a disabled API say so too', async () => {
    g.spreadsheets.get(SHEET_ID)!.sharedWith = [];
    await activate();
    const run = await orderCreated(t, hookUrl, 9010);
    expect(run.status).toBe('failed');
    expect(step(run).reason).toBe(`the service account may not edit this spreadsheet: share the sheet with ${sa.clientEmail} as an editor (Google Sheets: 403 PERMISSION_DENIED: The caller does not have permission)`);
    expect(appends()).toHaveLength(1);

    g.spreadsheets.get(SHEET_ID)!.sharedWith = [sa.clientEmail];
    g.script({ serviceDisabled: true });
    expect(step(await orderCreated(t, hookUrl, 9011)).reason).toMatch(/^the Google Sheets API is turned off for the service account's Google Cloud project/);

    const flows = await t.engine.call('flows.list', {});
    await t.engine.call('flows.deactivate', { id: flows[0]!.id });
    await activate({ sheet: "Đơn cũ's" });
    const noTab = await orderCreated(t, hookUrl, 9012);
    expect(step(noTab).reason).toBe(`the spreadsheet has no tab named "Đơn cũ's": check the Tab field (Google Sheets: 400 INVALID_ARGUMENT: Unable to parse range: 'Đơn cũ''s'!A1)`);
  });

  it('an answer lost after Google wrote the row is "outcome unknown", never appended again', async () => {
    g.script({ appendThenDrop: true });
    await activate();
    const run = await orderCreated(t, hookUrl, 9013);
    expect(run.status).toBe('failed');
    expect(step(run).reason).toMatch(/^outcome unknown: the connection to Google Sheets broke before its answer .*; the row may or may not have been sent, so it is not sent again$/);
    expect(appends()).toHaveLength(1);
    expect(rows()).toHaveLength(2);
  });

  it('a key Google refuses fails with words; the Test signs in and reads the spreadsheet title, or says whom to share it with', async () => {
    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({ ok: true, code: 'ok', facts: { serviceAccount: sa.clientEmail } });
    await t.engine.call('accounts.update', { id: accountId, settings: { tokenUrl: g.tokenUrl, baseUrl: g.baseUrl, testSpreadsheet: SHEET_URL } });
    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({ ok: true, code: 'ok', message: `Signed in as ${sa.clientEmail} and opened "Sổ đơn hàng 2026"`, facts: { serviceAccount: sa.clientEmail, spreadsheet: 'Sổ đơn hàng 2026' } });
    expect(g.requests.at(-1)).toMatchObject({ method: 'GET', path: `/v4/spreadsheets/${SHEET_ID}`, query: { fields: 'properties.title' } });

    g.spreadsheets.get(SHEET_ID)!.sharedWith = [];
    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({ ok: false, code: 'refused', answer: '403 PERMISSION_DENIED: The caller does not have permission', message: expect.stringContaining(`share the sheet with ${sa.clientEmail}`) });

    const other = makeServiceAccount(sa.clientEmail);
    await t.engine.call('accounts.update', { id: accountId, credentials: { serviceAccountKey: other.keyJson } });
    expect(await t.engine.call('accounts.test', { id: accountId })).toMatchObject({ ok: false, code: 'auth_failed', message: expect.stringContaining('invalid_grant: Invalid JWT Signature.') });
    await activate();
    const run = await orderCreated(t, hookUrl, 9014);
    expect(run.status).toBe('failed');
    expect(step(run).reason).toMatch(/^Google refused the service account's key \(invalid_grant: Invalid JWT Signature\.\)/);
    expect(appends()).toEqual([]);

    const [listed] = await t.engine.call('accounts.list', { connector: 'google_sheets' });
    expect(JSON.stringify(listed)).not.toContain('PRIVATE KEY');
    await expect(t.engine.call('accounts.create', { connector: 'google_sheets', name: 'x', credentials: { serviceAccountKey: '{"type":"authorized_user"}' } })).rejects.toThrow(/not a service-account key/);
  });

  it('a dry run describes the spreadsheet and the row, and calls nobody', async () => {
    const flow = await activate();
    await t.engine.call('flows.deactivate', { id: flow.id });
    await postOrderCreated(t, hookUrl, 9015);
    const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#9015' });
    expect(step(dry).intents).toEqual([
      {
        kind: 'sheets.appendGoogle', outcome: 'would_do',
        args: { account: 'Google cửa hàng', spreadsheetId: SHEET_ID, sheet: 'Đơn hàng', row: { 'Mã đơn': '#9015', 'Khách hàng': 'John Smith', 'Điện thoại': '0912345678', 'Tổng tiền': '403.00', 'Tổng': '=SUM(D2:D3)' } },
      },
    ]);
    expect(g.requests).toEqual([]);
    expect(g.grants).toEqual([]);
  });
});
