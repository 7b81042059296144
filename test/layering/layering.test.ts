import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}node_modules/dependency-cruiser/bin/dependency-cruiser.mjs`;

/** Runs the project's own layering config over a small tree laid out like the repo. */
function cruise(fixture: string): { code: number; output: string } {
  const cwd = fileURLToPath(new URL(`./fixtures/${fixture}/`, import.meta.url));
  const dirs = ['engine', 'renderer', 'electron'].filter((d) => spawnSync('test', ['-d', d], { cwd }).status === 0);
  const r = spawnSync(process.execPath, [bin, '--config', `${root}.dependency-cruiser.cjs`, ...dirs], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

describe('the layering check fails on a wrong import', () => {
  it.each([
    ['contract-node', 'contract-is-pure'],
    ['engine-react', 'engine-is-headless'],
    ['engine-electron', 'engine-is-headless'],
    ['renderer-node', 'renderer-no-node'],
    ['renderer-engine', 'renderer-only-contract'],
    ['electron-engine', 'electron-only-contract'],
    ['engine-upward', 'engine-nodes-imports-down'],
    ['engine-platforms-domain', 'engine-platforms-imports-down'],
    ['engine-storage-root', 'engine-storage-imports-down'],
    ['engine-loose', 'engine-no-loose-rooms'],
    ['engine-shared-up', 'engine-bottom-imports-nothing-above'],
    ['engine-root-host', 'engine-root-below-hosts'],
  ])('%s is refused by %s', (fixture, rule) => {
    const r = cruise(fixture);
    expect(r.code, r.output).not.toBe(0);
    expect(r.output).toContain(rule);
  });

  it('passes imports that follow the rules', () => {
    const r = cruise('ok');
    expect(r.output).toContain('no dependency violations');
    expect(r.code).toBe(0);
  });
});
