import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpReceiver } from '../harness/smtp-receiver.ts';
import { startFakeEsms } from '../harness/fake-esms.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/flowdesk.js');
const example = join(root, 'assets/test-suites/example');
const CANCELLED = 'Đơn bị hủy: gắn thẻ và nhắn khách';
const SMS_TEXT = 'Chào Lan Nguyễn, đơn hàng #1042 của bạn đã được hủy. Lý do: customer. Cần hỗ trợ, bạn hãy trả lời tin nhắn này nhé.';

// Async, never spawnSync: the SMTP and eSMS receivers live in this process and must answer.
function flowdesk(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
    });
  });
}

const temps: string[] = [];
function copyOfExample(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'flowdesk-suite-test-')), 'suite');
  temps.push(dir);
  cpSync(example, dir, { recursive: true });
  return dir;
}
const expectFile = (dir: string, name: string) => join(dir, 'cases', `${name}.expect.json`);

afterAll(() => {
  for (const d of temps) rmSync(join(d, '..'), { recursive: true, force: true });
});

describe('flowdesk test: regression suites for flows', () => {
  it('passes the example suite and lists each case', async () => {
    const r = await flowdesk('test', 'assets/test-suites/example');
    expect(r.code, r.out + r.err).toBe(0);
    for (const name of ['shopify-vip-order', 'shopify-small-order-then-cancelled', 'haravan-cancelled-email-only', 'haravan-cancelled-no-contact']) {
      expect(r.out).toMatch(new RegExp(`✓ ${name} \\(`));
    }
    expect(r.out).toContain('4 passed, 0 failed');
  });

  it('fails a broken expectation, naming the case, the flow, the step and expected vs actual; --junit carries it; --update re-records it', async () => {
    const dir = copyOfExample();
    const file = expectFile(dir, 'shopify-small-order-then-cancelled');
    const original = readFileSync(file, 'utf8');
    expect(original).toContain(SMS_TEXT);
    writeFileSync(file, original.replace(SMS_TEXT, 'Chào Lan, đơn #1042 đã hủy.'));
    // And a wrong path: the email-only case expected to take the SMS branch.
    const other = expectFile(dir, 'haravan-cancelled-email-only');
    const otherOriginal = readFileSync(other, 'utf8');
    const wrongPath = JSON.parse(otherOriginal) as Record<string, { path: string[]; steps: { nodeId: string; port?: string }[] }[]>;
    wrongPath[CANCELLED]![0]!.path[3] = 'sms';
    wrongPath[CANCELLED]![0]!.steps.find((s) => s.nodeId === 'phone')!.port = 'yes';
    writeFileSync(other, JSON.stringify(wrongPath, null, 2));
    const junit = join(dir, '..', 'report', 'junit.xml');

    const failed = await flowdesk('test', dir, '--junit', junit);
    expect(failed.code, failed.out + failed.err).toBe(1);
    expect(failed.out).toMatch(/✓ shopify-vip-order/);
    expect(failed.out).toMatch(/✗ shopify-small-order-then-cancelled/);
    expect(failed.out).toContain(`${CANCELLED} › run 1 › step "Nhắn SMS cho khách" (sms) › would do sms.send › text`);
    expect(failed.out).toContain('expected: "Chào Lan, đơn #1042 đã hủy."');
    expect(failed.out).toContain(`actual:   ${JSON.stringify(SMS_TEXT)}`);
    expect(failed.out).toMatch(/✗ haravan-cancelled-email-only/);
    expect(failed.out).toContain('expected: trigger → Gắn thẻ đơn: đã hủy → Có số điện thoại? → Nhắn SMS cho khách');
    expect(failed.out).toContain('actual:   trigger → Gắn thẻ đơn: đã hủy → Có số điện thoại? → Không có số điện thoại: gửi email');
    expect(failed.out).toContain('2 passed, 2 failed');

    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuite name="Example: cancelled orders and VIP orders" tests="12" failures="2"/);
    expect(xml).toContain(`<testcase classname="Example: cancelled orders and VIP orders.shopify-small-order-then-cancelled" name="shopify-small-order-then-cancelled › ${CANCELLED}">`);
    expect(xml).toMatch(/<failure message="[^"]*would do sms\.send › text">/);
    expect(xml).toContain('expected: &quot;Chào Lan, đơn #1042 đã hủy.&quot;');

    const updated = await flowdesk('test', dir, '--update');
    expect(updated.code, updated.out + updated.err).toBe(0);
    expect(updated.out).toContain('4 expectation file(s) written');
    // Re-recorded byte for byte as committed: nothing in a file changes from one run to the next.
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(readFileSync(other, 'utf8')).toBe(otherOriginal);
    const again = await flowdesk('test', dir);
    expect(again.code, again.out).toBe(0);
  });

  it('sends nothing: the SMS and email steps point at real receivers, which get nothing', async () => {
    const smtp = await startSmtpReceiver();
    const esms = await startFakeEsms();
    try {
      const dir = copyOfExample();
      const suite = JSON.parse(readFileSync(join(dir, 'suite.json'), 'utf8')) as { accounts: { connector: string; credentials: Record<string, unknown>; settings?: Record<string, unknown> }[] };
      for (const a of suite.accounts) {
        if (a.connector === 'smtp') a.credentials = { host: smtp.host, port: smtp.port, security: 'none', user: smtp.user, pass: smtp.pass, from: 'shop@example.vn' };
        if (a.connector === 'esms') {
          a.credentials = { apiKey: esms.apiKey, secretKey: esms.secretKey, brandname: 'CUAHANGAN' };
          a.settings = { baseUrl: esms.baseUrl };
        }
      }
      writeFileSync(join(dir, 'suite.json'), JSON.stringify(suite, null, 2));
      const r = await flowdesk('test', dir);
      expect(r.code, r.out + r.err).toBe(0);
      expect(smtp.received).toEqual([]);
      expect(smtp.logins).toEqual([]);
      expect(esms.requests).toEqual([]);
    } finally {
      await smtp.close();
      await esms.close();
    }
  });

  it('runs one case with --case, and fails a capture whose signature does not verify, saying so', async () => {
    const dir = copyOfExample();
    const suitePath = join(dir, 'suite.json');
    writeFileSync(suitePath, readFileSync(suitePath, 'utf8').replace('shpss_example_suite_secret_0123456789abcdef', 'shpss_not_the_one_it_was_signed_with'));
    const r = await flowdesk('test', dir, '--case', 'shopify-vip-order');
    expect(r.code).toBe(1);
    expect(r.out).toContain('1 case,');
    expect(r.out).toMatch(/✗ shopify-vip-order/);
    expect(r.out).toContain("delivery 1 (orders/create): its signature does not verify with the suite's secret for shopify flowdesk-example.myshopify.com");
  });

  it('refuses a broken suite with exit 2, naming the file', async () => {
    const missing = copyOfExample();
    rmSync(expectFile(missing, 'haravan-cancelled-no-contact'));
    const noExpect = await flowdesk('test', missing);
    expect(noExpect.code).toBe(2);
    expect(noExpect.err).toContain(`${expectFile(missing, 'haravan-cancelled-no-contact')}: no such file`);
    expect(noExpect.err).toContain('--update');

    const bad = copyOfExample();
    const capture = join(bad, 'cases', 'shopify-vip-order.capture.json');
    writeFileSync(capture, JSON.stringify({ format: 'flowdesk.capture/1', deliveries: [] }));
    const badCapture = await flowdesk('test', bad);
    expect(badCapture.code).toBe(2);
    expect(badCapture.err).toContain(`${capture}: not a valid capture file: deliveries: the file holds no delivery`);

    writeFileSync(join(bad, 'suite.json'), '{"name": "x",');
    const badJson = await flowdesk('test', bad);
    expect(badJson.code).toBe(2);
    expect(badJson.err).toContain(`${join(bad, 'suite.json')}: not valid JSON`);
  });
});
