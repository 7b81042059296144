import { readdirSync } from 'node:fs';
import { describe, it } from 'vitest';
import { runFlowFixture } from '../../test/harness/run-flow-fixture.ts';

const dir = new URL('./__fixtures__/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.flow.json'));

/** Every flow fixture beside the nodes runs through the real webhook → executor → timeline path. */
describe('flow fixtures', () => {
  it.each(files)('%s', async (file) => {
    await runFlowFixture(new URL(file, dir));
  });
});
