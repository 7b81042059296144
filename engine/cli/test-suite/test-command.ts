import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Output } from '../format.ts';
import { expectationText } from './expectation.ts';
import { casePassed, junitXml, reportText } from './report.ts';
import { runSuite } from './run-suite.ts';
import { loadSuite, SuiteError } from './suite-file.ts';

export interface TestOptions {
  update: boolean;
  junit?: string;
  only?: string;
}

/** Runs the suite and prints its report; answers the exit code (0 passed, 1 failed, 2 broken suite). */
export async function runTestSuite(dir: string, o: TestOptions, out: Output): Promise<number> {
  try {
    const suite = loadSuite(dir, { update: o.update, ...(o.only !== undefined ? { only: o.only } : {}) });
    const results = await runSuite(suite, { update: o.update });
    if (o.update) {
      for (const r of results) {
        mkdirSync(dirname(r.expectPath), { recursive: true });
        writeFileSync(r.expectPath, expectationText(r.actual));
      }
    }
    if (out.json) out.write(`${JSON.stringify({ suite: suite.name, cases: results.map((r) => ({ ...r, passed: casePassed(r) })) }, null, 2)}\n`);
    else out.write(reportText(suite.name, suite.dir, results, o.update));
    if (o.junit) {
      mkdirSync(dirname(o.junit), { recursive: true });
      writeFileSync(o.junit, junitXml(suite.name, results));
    }
    return results.every(casePassed) ? 0 : 1;
  } catch (error) {
    if (!(error instanceof SuiteError)) throw error;
    process.stderr.write(`flowdesk test: broken suite: ${error.message}\n`);
    return 2;
  }
}
