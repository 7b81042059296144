import type { TemplateProblemDto, TemplateVariable } from '../../../engine/contract/index.ts';
import type { FormField } from '../../canvas/core/schema-form.ts';

/** A param the engine renders with Liquid: a template text, or a list of them (tags, headers). */
export const usesTemplates = (field: Pick<FormField, 'kind' | 'schema'>): boolean => field.kind === 'template' || field.schema.widget === 'tags';

/** `text` with `insert` in place of the selection [start, end), and where the caret goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  return { text: text.slice(0, a) + insert + text.slice(b), caret: a + insert.length };
}

/** Whether `caret` sits inside an unclosed `{{ … }}` or `{% … %}`: a comma there belongs to Liquid. */
export function insideLiquid(text: string, caret = text.length): boolean {
  const before = text.slice(0, caret);
  const opened = (open: string, close: string) => before.lastIndexOf(open) > before.lastIndexOf(close);
  return opened('{{', '}}') || opened('{%', '%}');
}

/** Whether a text uses Liquid at all (a plain tag like "VIP" needs no preview). */
export const hasLiquid = (text: string): boolean => /\{\{|\{%/.test(text);

/**
 * What the picker inserts: the path as Liquid. A list of plain values is joined (Liquid would
 * run them together), and a list of records gives its count; its items' fields are offered apart.
 */
export function snippetFor(v: Pick<TemplateVariable, 'path' | 'type'>, all: readonly Pick<TemplateVariable, 'path'>[]): string {
  if (v.type !== 'list') return `{{ ${v.path} }}`;
  const ofRecords = all.some((w) => w.path.startsWith(`${v.path}[0].`));
  return ofRecords ? `{{ ${v.path} | size }}` : `{{ ${v.path} | join: ', ' }}`;
}

/** The line of the template a problem points at, cut around it, with the offending text picked out. */
export function problemExcerpt(template: string, problem: TemplateProblemDto, room = { before: 16, after: 24 }): { before: string; mark: string; after: string } | null {
  if (problem.line === null || problem.col === null) return null;
  const line = template.split('\n')[problem.line - 1];
  if (line === undefined) return null;
  const at = Math.min(problem.col - 1, line.length);
  const length = problem.token && line.startsWith(problem.token, at) ? problem.token.length : Math.min(1, line.length - at);
  // Little before the token, so that it stays in sight in a narrow panel.
  const from = Math.max(0, at - room.before);
  const to = Math.min(line.length, at + length + room.after);
  return {
    before: (from > 0 ? '…' : '') + line.slice(from, at),
    mark: line.slice(at, at + length),
    after: line.slice(at + length, to) + (to < line.length ? '…' : ''),
  };
}

/** The engine's sentence without its " at line 2, column 10": the place is shown apart. */
export const withoutPlace = (message: string): string => message.replace(/ at line \d+, column \d+$/, '');

/** Letters without their marks, lower case: "Nguyễn" is found by "nguyen". */
export const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
