import type { Command } from 'commander';
import type { Output } from '../format.ts';

/**
 * `flowdesk test <dir>`: a suite of captured deliveries and the runs each flow should make of
 * them, run dry on a temporary engine (docs/test-suites.md). Exit 0 when every case passes,
 * 1 on a mismatch (or a refused delivery), 2 when the suite itself is broken.
 */
export function testSuiteCommand(program: Command, out: (cmd: Command) => Output): void {
  program
    .command('test <dir>')
    .description('run a test suite of captured deliveries against its flows, dry, and compare with the expected runs')
    .option('--update', 'write the runs made as the expectations (creates missing expectation files)')
    .option('--junit <file>', 'also write a JUnit XML report to this file')
    .option('--case <name>', 'run only this case')
    .action(async function (this: Command, dir: string, o: { update?: boolean; junit?: string; case?: string }) {
      // Loaded here: the runner brings a whole engine, which the other commands never need.
      const { runTestSuite } = await import('../test-suite/test-command.ts');
      process.exitCode = await runTestSuite(dir, { update: o.update ?? false, ...(o.junit ? { junit: o.junit } : {}), ...(o.case ? { only: o.case } : {}) }, out(this));
    });
}
