import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

const bin = fileURLToPath(new URL('../../bin/flowdesk.js', import.meta.url));

/** A real `flowdesk serve` with its own data dir and free ports, as a user starts it. */
export interface Flowdesk {
  /** The editor's URL as `serve` prints it, token in the fragment. */
  editorUrl: string;
  apiUrl: string;
  webhookBaseUrl: string;
  dataDir: string;
  /** Everything `serve` printed, for a failure message. */
  output(): string;
}

async function startServe(): Promise<{ app: Flowdesk; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowdesk-e2e-'));
  const child = spawn(process.execPath, [bin, 'serve', '--data-dir', dataDir, '--webhook-port', '0', '--api-port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout!.on('data', (d: Buffer) => (printed += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (printed += d.toString()));
  const fail = (why: string): never => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${why}:\n${printed}`);
  };
  const deadline = Date.now() + 20_000;
  while (!printed.includes('Press Ctrl+C')) {
    if (Date.now() > deadline || child.exitCode !== null) fail('flowdesk serve did not start');
    await new Promise((r) => setTimeout(r, 25));
  }
  const editorUrl = /Editor: +(\S+#token=\S+)/.exec(printed)?.[1] ?? fail('flowdesk serve printed no editor URL (is dist/renderer built?)');
  const apiUrl = /API: +(\S+)/.exec(printed)![1]!;
  const webhookBaseUrl = /Webhooks: +(\S+)\/hooks\//.exec(printed)![1]!;
  return { app: { editorUrl, apiUrl, webhookBaseUrl, dataDir, output: () => printed }, child };
}

export const test = base.extend<{ flowdesk: Flowdesk }>({
  // eslint-disable-next-line no-empty-pattern
  flowdesk: async ({}, use) => {
    const { app, child } = await startServe();
    try {
      await use(app);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(app.dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
