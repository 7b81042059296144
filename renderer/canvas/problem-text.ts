import type { TFunction } from 'i18next';
import type { CanvasProblem } from './core/problems.ts';

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function issueWords(p: CanvasProblem, t: TFunction): string {
  if (!p.issue) return '';
  const count = p.issue.key === 'minItems' ? { count: p.issue.min } : {};
  return t(`param.${p.issue.key}`, { ...p.issue, ...count, defaultValue: p.message });
}

/** A problem in a sentence, for the problems list: the engine's words, or a translated client check. */
export function problemText(p: CanvasProblem, t: TFunction): string {
  if (p.source === 'engine') return capitalize(p.message);
  return capitalize(t(`problems.${p.code}`, { ...p.values, issue: issueWords(p, t), defaultValue: p.message }));
}

/**
 * A problem as its node shows it, without the node's name: "Tags: add at least one".
 * The engine writes `<label> "<name>": <path>: <message>`; its message is the part after the path.
 */
export function problemOnNode(p: CanvasProblem, t: TFunction, fieldTitle: (path: string) => string): string {
  if (p.code !== 'invalid_params' || !p.path) return problemText(p, t);
  const tail = p.source === 'engine' ? p.message.split(`${p.path}: `).at(-1)! : issueWords(p, t);
  return `${fieldTitle(p.path)}: ${tail}`;
}

/** What a field's own problem says under the control: "add at least one". */
export function problemForField(p: CanvasProblem, t: TFunction): string {
  if (p.source === 'engine') return p.path ? p.message.split(`${p.path}: `).at(-1)! : p.message;
  return issueWords(p, t) || problemText(p, t);
}
