import { relative } from 'node:path';
import type { Difference } from './compare.ts';
import type { CaseResult } from './run-suite.ts';

/** A path as typed when under the working directory, else absolute. */
const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
};

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : v === undefined ? '(none)' : JSON.stringify(v));

/** "flow › run 1 › step "Nhắn SMS cho khách" (sms) › would do sms.send › text". */
export function where(d: Difference): string {
  return [
    d.flow,
    ...(d.run !== null ? [`run ${d.run}`] : []),
    ...(d.node ? [`step ${d.node.label ? `"${d.node.label}" (${d.node.id})` : d.node.id}`] : []),
    d.field,
  ].join(' › ');
}

/** A difference as a reader wants it: where, then expected and actual on lines of their own. */
export function differenceText(d: Difference, indent = ''): string {
  // Paths and whole runs are already words; other values are shown as JSON (strings quoted).
  const path = (d.field === 'path' || d.field === 'run') && typeof d.expected === 'string';
  return [
    `${indent}${where(d)}`,
    `${indent}  expected: ${path ? String(d.expected) : show(d.expected)}`,
    `${indent}  actual:   ${path ? String(d.actual) : show(d.actual)}`,
  ].join('\n');
}

export const casePassed = (r: CaseResult) => r.problems.length === 0 && (r.differences === null || r.differences.length === 0);

/** The report `flowdesk test` prints: one line per case, and under a failed one what differs. */
export function reportText(suiteName: string, dir: string, results: CaseResult[], update: boolean): string {
  const lines = [`Suite "${suiteName}" (${shown(dir)}): ${results.length} case${results.length === 1 ? '' : 's'}, every run dry`];
  for (const r of results) {
    const runs = Object.values(r.actual).reduce((n, list) => n + list.length, 0);
    const mark = casePassed(r) ? (update ? '↻' : '✓') : '✗';
    lines.push(`  ${mark} ${r.name} (${r.deliveries.length} deliver${r.deliveries.length === 1 ? 'y' : 'ies'}, ${runs} run${runs === 1 ? '' : 's'})${update ? ` → ${shown(r.expectPath)}` : ''}`);
    for (const p of r.problems) lines.push(`      ${p}`);
    for (const d of r.differences ?? []) lines.push(differenceText(d, '      '));
    for (const n of r.notes) lines.push(`      note: ${n}`);
  }
  const failed = results.filter((r) => !casePassed(r)).length;
  lines.push(update
    ? `${results.length - failed} expectation file(s) written${failed > 0 ? `; ${failed} case(s) have deliveries that were refused` : ''}`
    : `${results.length - failed} passed, ${failed} failed`);
  return `${lines.join('\n')}\n`;
}

// XML 1.0 has no place for control characters other than tab, newline and carriage return.
const allowedInXml = (c: string) => c.charCodeAt(0) >= 0x20 || c === '\t' || c === '\n' || c === '\r';

const xml = (s: string) => [...s].filter(allowedInXml).join('')
  .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * JUnit XML for CI: one testsuite for the suite, one testcase per case × flow (plus the case's
 * deliveries, which fail when one was refused), the differences in the failure element.
 */
export function junitXml(suiteName: string, results: CaseResult[]): string {
  const cases: string[] = [];
  let failures = 0;
  for (const r of results) {
    const classname = xml(`${suiteName}.${r.name}`);
    const add = (name: string, failure: string | null) => {
      if (failure !== null) failures++;
      cases.push(failure === null
        ? `    <testcase classname="${classname}" name="${xml(name)}"/>`
        : `    <testcase classname="${classname}" name="${xml(name)}">\n      <failure message="${xml(failure.split('\n')[0]!)}">${xml(failure)}</failure>\n    </testcase>`);
    };
    add(`${r.name} › deliveries`, r.problems.length > 0 ? r.problems.join('\n') : null);
    for (const flow of Object.keys(r.actual)) {
      const diffs = (r.differences ?? []).filter((d) => d.flow === flow);
      add(`${r.name} › ${flow}`, diffs.length > 0 ? diffs.map((d) => differenceText(d)).join('\n') : null);
    }
    for (const d of (r.differences ?? []).filter((x) => !(x.flow in r.actual))) add(`${r.name} › ${d.flow}`, differenceText(d));
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="${xml(suiteName)}" tests="${cases.length}" failures="${failures}" errors="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
