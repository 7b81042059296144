import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { CaptureFile, Platform, type FlowFile } from '../../contract/index.ts';
import { Expectation } from './expectation.ts';

/**
 * A suite the runner cannot even start (a missing file, bad JSON, a capture that is not one):
 * `flowdesk test` says which file and exits 2, so CI tells a broken suite from a failing one.
 */
export class SuiteError extends Error {
  override name = 'SuiteError';
}

const Secrets = z.record(z.string(), z.string().min(1));
const Settings = z.record(z.string(), z.unknown());

/** suite.json, as docs/test-suites.md describes it. Paths are relative to the suite's directory. */
export const SuiteJson = z.strictObject({
  name: z.string().min(1),
  connections: z.array(z.strictObject({
    platform: Platform,
    storeId: z.string().min(1),
    /** The secrets the captures are signed with, by the platform's secret names (webhookSecret…). */
    secrets: Secrets,
    settings: Settings.optional(),
  })).min(1, 'a suite needs at least one connection'),
  /**
   * Connector accounts the flows' message steps send through (never, in a test: every run is
   * dry). `ref` is the value the flow files hold in their account fields (the account id of the
   * Flowdesk they were exported from); an empty account field takes the one account that fits.
   */
  accounts: z.array(z.strictObject({
    ref: z.string().min(1).optional(),
    connector: z.string().min(1),
    name: z.string().min(1),
    credentials: Settings,
    settings: Settings.optional(),
  })).default([]),
  flows: z.array(z.string().min(1)).min(1, 'a suite needs at least one flow'),
  cases: z.array(z.strictObject({ name: z.string().min(1), capture: z.string().min(1), expect: z.string().min(1) })).min(1, 'a suite needs at least one case'),
});
export type SuiteJson = z.infer<typeof SuiteJson>;

export interface LoadedCase {
  name: string;
  capturePath: string;
  capture: CaptureFile;
  expectPath: string;
  /** Null when the file does not exist yet (`--update` writes it). */
  expected: Expectation | null;
}

export interface LoadedSuite {
  dir: string;
  name: string;
  json: SuiteJson;
  flows: { path: string; file: FlowFile & Record<string, unknown>; name: string }[];
  cases: LoadedCase[];
}

const issuesText = (error: z.ZodError) =>
  error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');

function readJson(dir: string, rel: string, what: string): unknown {
  const path = join(dir, rel);
  if (!existsSync(path)) throw new SuiteError(`${path}: no such file (the ${what})`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SuiteError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Reads the whole suite before anything runs: every file is found, parsed and checked, so a
 * broken suite is refused up front, naming the file, and nothing is half-run.
 */
export function loadSuite(dirArg: string, o: { only?: string; update: boolean }): LoadedSuite {
  const dir = resolve(dirArg);
  const suitePath = join(dir, 'suite.json');
  const parsed = SuiteJson.safeParse(readJson(dir, 'suite.json', 'suite description'));
  if (!parsed.success) throw new SuiteError(`${suitePath}: ${issuesText(parsed.error)}`);
  const json = parsed.data;

  const flows = json.flows.map((rel) => {
    const path = join(dir, rel);
    const file = readJson(dir, rel, 'flow file') as FlowFile & Record<string, unknown>;
    const name = (file as { flow?: { name?: unknown } }).flow?.name;
    if (typeof name !== 'string' || name === '') throw new SuiteError(`${path}: not a flow file as \`flowdesk flows export\` writes it (no flow.name)`);
    return { path, file, name };
  });
  const names = new Set<string>();
  for (const f of flows) {
    if (names.has(f.name)) throw new SuiteError(`${f.path}: another flow of the suite is also named "${f.name}"; expectations are keyed by flow name`);
    names.add(f.name);
  }

  const caseNames = json.cases.map((c) => c.name);
  const dup = caseNames.find((n, i) => caseNames.indexOf(n) !== i);
  if (dup) throw new SuiteError(`${suitePath}: two cases are named "${dup}"`);
  if (o.only !== undefined && !caseNames.includes(o.only)) {
    throw new SuiteError(`${suitePath}: no case named "${o.only}"; its cases are ${caseNames.map((n) => `"${n}"`).join(', ')}`);
  }

  const cases = json.cases.filter((c) => o.only === undefined || c.name === o.only).map((c): LoadedCase => {
    const capturePath = join(dir, c.capture);
    const capture = CaptureFile.safeParse(readJson(dir, c.capture, `capture of case "${c.name}"`));
    if (!capture.success) throw new SuiteError(`${capturePath}: not a valid capture file: ${issuesText(capture.error)}`);
    const expectPath = join(dir, c.expect);
    let expected: Expectation | null = null;
    if (existsSync(expectPath)) {
      const e = Expectation.safeParse(readJson(dir, c.expect, `expectation of case "${c.name}"`));
      if (!e.success) throw new SuiteError(`${expectPath}: not a valid expectation file: ${issuesText(e.error)}`);
      expected = e.data;
    } else if (!o.update) {
      throw new SuiteError(`${expectPath}: no such file (the expectation of case "${c.name}"); \`flowdesk test ${dirArg} --update\` records it`);
    }
    return { name: c.name, capturePath, capture: capture.data, expectPath, expected };
  });
  return { dir, name: json.name, json, flows, cases };
}
