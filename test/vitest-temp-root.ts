// Vitest's global setup: every test file's temp dirs (data dirs, databases, flow files) go under
// one root made for this run, removed when the run ends. Tests that make a data dir or a database
// and never remove it (the gallery's, durability's and the CLI's, among others) otherwise left ~8
// dirs in /tmp a run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'flowdesk-vitest-'));
  // os.tmpdir() reads TMPDIR on every call, here and in the test workers, which inherit it.
  process.env['TMPDIR'] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
