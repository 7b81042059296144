import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowNode } from '../../engine/contract/index.ts';
import { sheetFileIntentHandlers } from '../../engine/connectors/sheets/file-connector.ts';
import { replaceFile } from '../../engine/connectors/sheets/csv-file.ts';
import type { ExternalIntentHandler } from '../../engine/nodes/intents.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { SHOP_DOMAIN, SHOPIFY_SECRET } from '../harness/shopify.ts';
import { createdThen, orderCreated, postOrderCreated } from '../harness/chat-flows.ts';

const BOM = '\uFEFF';

/** RFC 4180, enough to read back what the step wrote (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.startsWith(BOM) ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function sheetNode(path: string, params: Record<string, unknown> = {}): FlowNode {
  return { id: 'sheet', type: 'sheets.append_file_row', typeVersion: 1, position: { x: 0, y: 160 }, label: 'Ghi vào sổ đơn', params: { path, ...params } };
}

async function readXlsx(path: string, sheet?: string): Promise<{ name: string; rows: unknown[][]; hidden: boolean[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = sheet ? wb.getWorksheet(sheet)! : wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  const hidden = Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).hidden);
  return { name: ws.name, rows, hidden };
}

describe('Append a row to a local CSV or Excel file', () => {
  let t: TempEngine;
  let dir: string;
  let hookUrl: string;

  async function activate(node: FlowNode) {
    const flow = await t.engine.call('flows.save', { document: createdThen(node, 'Sổ đơn hàng') });
    await t.engine.call('flows.activate', { id: flow.id });
    return flow;
  }
  const step = (run: { steps: { nodeId: string }[] }) => run.steps.find((s) => s.nodeId === 'sheet') as Record<string, any>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowdesk-sheets-'));
    t = await startTempEngine();
    hookUrl = (await t.engine.call('connections.create', { platform: 'shopify', storeId: SHOP_DOMAIN, secret: SHOPIFY_SECRET })).webhookUrl;
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a CSV with a BOM and a header row, then appends one row per order, Vietnamese intact', async () => {
    const path = join(dir, 'đơn hàng.csv');
    await activate(sheetNode(path));
    const first = await orderCreated(t, hookUrl, 8001);
    expect(first.status).toBe('succeeded');
    const second = await orderCreated(t, hookUrl, 8002, { total_price: '1250000' });
    expect(second.status).toBe('succeeded');

    const text = readFileSync(path, 'utf8');
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.indexOf(BOM, 1)).toBe(-1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['Mã đơn', 'Ngày đặt', 'Khách hàng', 'Tổng tiền', 'flowdesk_key'],
      ['#8001', '2026-11-20 22:15', 'John Smith', '403.00', `${first.id}:sheet`],
      ['#8002', '2026-11-20 22:15', 'John Smith', '1250000', `${second.id}:sheet`],
    ]);
    expect(step(first)).toMatchObject({ status: 'done', input: { path, row: { 'Mã đơn': '#8001', 'Tổng tiền': '403.00' } } });
    expect(step(first).intents[0]).toMatchObject({ kind: 'sheets.appendFile', outcome: 'done', args: { file: path }, result: { file: path, created: true } });
    expect(readdirSync(dir)).toEqual(['đơn hàng.csv']);
  });

  it("matches an existing CSV's headers by name, adds the missing ones at the end, and keeps the old rows", async () => {
    const path = join(dir, 'orders.csv');
    writeFileSync(path, 'tổng tiền , MÃ ĐƠN,Ghi chú\r\n99,#1,"cũ, giữ nguyên"\r\n');
    await activate(sheetNode(path, { columns: [{ header: 'Mã đơn', value: '{{ order.number }}' }, { header: 'Tổng tiền', value: '{{ order.totalPrice }}' }, { header: 'Email', value: '{{ order.customer.email }}' }] }));
    const run = await orderCreated(t, hookUrl, 8003);
    expect(run.status).toBe('succeeded');
    expect(parseCsv(readFileSync(path, 'utf8'))).toEqual([
      ['tổng tiền', 'MÃ ĐƠN', 'Ghi chú', 'Email', 'flowdesk_key'],
      ['99', '#1', 'cũ, giữ nguyên'],
      ['403.00', '#8003', '', 'jon@example.com', `${run.id}:sheet`],
    ]);
    expect(step(run).intents[0].result).toEqual({ file: path, addedColumns: ['Email', 'flowdesk_key'] });
  });

  it('closes a torn last line before appending, and keeps order data from becoming a formula', async () => {
    const path = join(dir, 'torn.csv');
    writeFileSync(path, `${BOM}Mã đơn,Khách hàng,flowdesk_key\r\n#1,An,k1\r\n#2,Bì`);
    await activate(sheetNode(path, { columns: [{ header: 'Mã đơn', value: '{{ order.number }}' }, { header: 'Khách hàng', value: '{{ order.customer.firstName }}' }] }));
    const run = await orderCreated(t, hookUrl, 8004, { customer: { id: 1, first_name: '=HYPERLINK("http://x.vn","Bấm")', last_name: 'X', email: 'a@b.vn' } });
    expect(run.status).toBe('succeeded');
    expect(parseCsv(readFileSync(path, 'utf8')).slice(1)).toEqual([
      ['#1', 'An', 'k1'],
      ['#2', 'Bì'],
      ['#8004', `'=HYPERLINK("http://x.vn","Bấm")`, `${run.id}:sheet`],
    ]);
  });

  it('creates an .xlsx with a bold header, numbers as numbers, the key column hidden, and adds to it', async () => {
    const path = join(dir, 'so-don.xlsx');
    await activate(sheetNode(path, { sheet: 'Đơn hàng', columns: [{ header: 'Mã đơn', value: '{{ order.number }}' }, { header: 'Điện thoại', value: '0912345678' }, { header: 'Tổng tiền', value: '{{ order.totalPrice }}' }, { header: 'Tên', value: '{{ order.customer.firstName }}' }] }));
    const a = await orderCreated(t, hookUrl, 8005);
    const b = await orderCreated(t, hookUrl, 8006, { customer: { id: 1, first_name: '=1+1', last_name: 'X', email: 'a@b.vn' } });
    expect([a.status, b.status]).toEqual(['succeeded', 'succeeded']);
    const x = await readXlsx(path);
    expect(x.name).toBe('Đơn hàng');
    expect(x.rows).toEqual([
      ['Mã đơn', 'Điện thoại', 'Tổng tiền', 'Tên', 'flowdesk_key'],
      ['#8005', '0912345678', 403, 'John', `${a.id}:sheet`],
      ['#8006', '0912345678', 403, '=1+1', `${b.id}:sheet`],
    ]);
    expect(x.hidden).toEqual([false, false, false, false, true]);
    expect(step(a).intents[0].result).toEqual({ file: path, sheet: 'Đơn hàng', row: 2, created: true });
    expect(step(b).intents[0].result).toEqual({ file: path, sheet: 'Đơn hàng', row: 3 });
    expect(readdirSync(dir)).toEqual(['so-don.xlsx']);
  });

  it("adds a sheet to an existing workbook and leaves the user's other sheets as they were", async () => {
    const path = join(dir, 'cua-hang.xlsx');
    const wb = new ExcelJS.Workbook();
    const own = wb.addWorksheet('Kho');
    own.addRow(['SKU', 'Tồn']);
    own.addRow(['AO-01', 12]);
    await wb.xlsx.writeFile(path);
    await activate(sheetNode(path, { sheet: 'Đơn', columns: [{ header: 'Mã đơn', value: '{{ order.number }}' }] }));
    expect((await orderCreated(t, hookUrl, 8007)).status).toBe('succeeded');
    expect((await readXlsx(path, 'Kho')).rows).toEqual([['SKU', 'Tồn'], ['AO-01', 12]]);
    expect((await readXlsx(path, 'Đơn')).rows.map((r) => r[0])).toEqual(['Mã đơn', '#8007']);
  });

  it('a burst of orders at once: every row is there, once', async () => {
    const path = join(dir, 'burst.xlsx');
    await activate(sheetNode(path, { columns: [{ header: 'Mã đơn', value: '{{ order.number }}' }] }));
    await Promise.all([8101, 8102, 8103, 8104, 8105, 8106].map((n) => postOrderCreated(t, hookUrl, n)));
    await t.engine.idle(5_000);
    const numbers = (await readXlsx(path)).rows.slice(1).map((r) => r[0]);
    expect([...numbers].sort()).toEqual(['#8101', '#8102', '#8103', '#8104', '#8105', '#8106']);
  });

  it('refuses at save a path that is not absolute, not .csv/.xlsx, or in a missing folder; a folder gone since fails the run in words', async () => {
    const problems = async (path: string) => (await t.engine.call('flows.validate', { document: createdThen(sheetNode(path)) })).map((p: { message: string }) => p.message);
    expect(await problems('orders.csv')).toEqual([expect.stringMatching(/^Append row to a CSV or Excel file "Ghi vào sổ đơn": File: a full path from the drive or root/)]);
    expect(await problems(join(dir, 'orders.txt'))).toEqual([expect.stringMatching(/File: the file must end in \.csv or \.xlsx$/)]);
    expect(await problems(join(dir, 'missing', 'orders.csv'))).toEqual([expect.stringContaining(`File: the folder ${join(dir, 'missing')} does not exist: create it, or choose another place for the file`)]);
    expect(await problems(join(dir, 'ok.csv'))).toEqual([]);
    await expect(activate(sheetNode(join(dir, 'missing', 'orders.csv')))).rejects.toThrow(/the folder .* does not exist/);

    mkdirSync(join(dir, 'later'));
    await activate(sheetNode(join(dir, 'later', 'orders.csv')));
    rmSync(join(dir, 'later'), { recursive: true });
    const run = await orderCreated(t, hookUrl, 8008);
    expect(run.status).toBe('failed');
    expect(step(run).reason).toBe(`invalid settings: the folder ${join(dir, 'later')} does not exist: create it, or choose another place for the file`);
  });

  it('a dry run describes the file and the row, and writes nothing', async () => {
    const path = join(dir, 'dry.xlsx');
    const flow = await activate(sheetNode(path, { sheet: 'Đơn' }));
    await t.engine.call('flows.deactivate', { id: flow.id });
    await postOrderCreated(t, hookUrl, 8009);
    const dry = await t.engine.call('runs.dryRun', { flowId: flow.id, orderId: '#8009' });
    expect(step(dry).intents).toEqual([
      { kind: 'sheets.appendFile', outcome: 'would_do', args: { file: path, sheet: 'Đơn', row: { 'Mã đơn': '#8009', 'Ngày đặt': '2026-11-20 22:15', 'Khách hàng': 'John Smith', 'Tổng tiền': '403.00' } } },
    ]);
    expect(existsSync(path)).toBe(false);
  });
});

describe('The file writer itself', () => {
  let dir: string;
  const handler = () => sheetFileIntentHandlers()[0] as unknown as ExternalIntentHandler<'sheets.appendFile'>;
  const ctx = (key: string) => ({ runId: 'r', nodeId: 'sheet', flowId: 'f', flowName: 'Sổ', orderId: null, atMs: Date.now(), idempotencyKey: key });
  const intent = (path: string, format: 'csv' | 'xlsx', n: number) => ({ kind: 'sheets.appendFile' as const, path, format, sheet: '', cells: [{ header: 'Mã đơn', value: `#${n}`, formula: false }] });

  beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'flowdesk-sheets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['csv', 'xlsx'] as const)('two appends to one %s at the same moment both land (serialized per file)', async (format) => {
    const path = join(dir, `both.${format}`);
    const h = handler();
    await Promise.all(Array.from({ length: 8 }, (_, n) => h.perform(intent(path, format, n), ctx(`run-${n}:sheet`))));
    const firsts = format === 'csv' ? parseCsv(readFileSync(path, 'utf8')).slice(1).map((r) => r[0]) : (await readXlsx(path)).rows.slice(1).map((r) => r[0]);
    expect([...firsts].sort()).toEqual(['#0', '#1', '#2', '#3', '#4', '#5', '#6', '#7']);
  });

  it.each(['csv', 'xlsx'] as const)('a retried step (same idempotency key) finds its row in the %s and does not add it again', async (format) => {
    const path = join(dir, `retry.${format}`);
    const h = handler();
    expect(await h.perform(intent(path, format, 1), ctx('run-1:sheet'))).not.toHaveProperty('alreadyThere');
    await h.perform(intent(path, format, 2), ctx('run-2:sheet'));
    expect(await h.perform(intent(path, format, 1), ctx('run-1:sheet'))).toMatchObject({ alreadyThere: true });
    // A later intent of the same step has its own key (…#1), and its own row.
    await h.perform(intent(path, format, 3), ctx('run-1:sheet#1'));
    const firsts = format === 'csv' ? parseCsv(readFileSync(path, 'utf8')).slice(1).map((r) => r[0]) : (await readXlsx(path)).rows.slice(1).map((r) => r[0]);
    expect(firsts).toEqual(['#1', '#2', '#3']);
  });

  it('a rewrite that dies half way leaves the old file whole and no temp file behind', async () => {
    const path = join(dir, 'book.xlsx');
    await handler().perform(intent(path, 'xlsx', 1), ctx('k1'));
    const before = readFileSync(path);
    await expect(replaceFile(path, async (tmp) => {
      writeFileSync(tmp, before.subarray(0, 100));
      throw new Error('killed mid-write');
    })).rejects.toThrow('killed mid-write');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
    expect((await readXlsx(path)).rows).toEqual([['Mã đơn', 'flowdesk_key'], ['#1', 'k1']]);
  });

  it('a file that is no workbook fails the step and is left untouched', async () => {
    const path = join(dir, 'not.xlsx');
    writeFileSync(path, 'this is not a zip');
    await expect(handler().perform(intent(path, 'xlsx', 1), ctx('k1'))).rejects.toThrow(`${path} cannot be read as an Excel workbook`);
    expect(readFileSync(path, 'utf8')).toBe('this is not a zip');
    expect(readdirSync(dir)).toEqual(['not.xlsx']);
  });
});
