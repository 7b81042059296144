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
  if (p.code === 'platform_lacks_field' && p.values) return `${p.values['node']}: ${lacksFieldText(p.values, t, p.message)}`;
  if (p.code === 'platform_cannot_write' && p.values) return capitalize(cannotWriteText(p.values, t, p.message));
  // The engine's warnings come with their facts: worded here, in the user's language.
  if (p.source === 'engine' && p.values && p.code !== 'invalid_params') return capitalize(t(`problems.${p.code}`, { ...p.values, defaultValue: p.message }));
  if (p.source === 'engine') return capitalize(p.message);
  return capitalize(t(`problems.${p.code}`, { ...p.values, issue: issueWords(p, t), defaultValue: p.message }));
}

/** "Lazada never sends the customer's email: …", from the engine's args, in the user's language, without the step's name. */
function lacksFieldText(v: Record<string, string>, t: TFunction, fallback: string): string {
  const field = t(`problems.contactField.${v['field']}`, { defaultValue: v['field'] });
  const key = v['anyPlatform'] ? 'platform_lacks_field_any' : `platform_lacks_field_${v['availability']}`;
  return capitalize(t(`problems.${key}`, { platforms: v['platforms'], field, defaultValue: fallback }));
}

/** "Gỡ thẻ: Lazada không làm được “Gỡ thẻ đơn hàng” qua API…": the action in the user's words (write-back.json). */
function cannotWriteText(v: Record<string, string>, t: TFunction, fallback: string): string {
  const actionWords = t(`action.${v['action']}`, { ns: 'write-back', defaultValue: v['action'] ?? '' });
  return t(`problems.platform_cannot_write${v['all'] ? '_all' : ''}`, { ...v, actionWords, defaultValue: fallback });
}

/** The engine's words for what is wrong, without the step's and field's names. */
function engineReason(p: CanvasProblem): string {
  if (p.reason) return p.reason;
  return p.path ? p.message.split(`${p.path}: `).at(-1)! : p.message;
}

/** The params field a problem belongs to: the first part of a dotted path into nested params. */
export function problemField(p: CanvasProblem): string | null {
  return p.path ? p.path.split('.')[0]! : null;
}

/**
 * A problem as its node shows it, without the node's name: "Tags: add at least one", titled by
 * the field it belongs to (a rule deep in a condition is the condition's problem).
 */
export function problemOnNode(p: CanvasProblem, t: TFunction, fieldTitle: (path: string) => string): string {
  if (p.code === 'platform_lacks_field' && p.values) return lacksFieldText(p.values, t, p.message);
  // On its own card the step's name goes without saying.
  if (p.source === 'engine' && p.values?.['node'] && p.code !== 'invalid_params') {
    const text = problemText(p, t);
    const prefix = `${p.values['node']}: `;
    return text.startsWith(prefix) ? capitalize(text.slice(prefix.length)) : text;
  }
  if (p.code !== 'invalid_params' || !p.path) return problemText(p, t);
  const tail = p.source === 'engine' ? engineReason(p) : issueWords(p, t);
  return `${fieldTitle(problemField(p)!)}: ${tail}`;
}

/** What a field's own problem says under the control: "add at least one". */
export function problemForField(p: CanvasProblem, t: TFunction): string {
  if (p.code === 'template_unknown_variable' && p.values) return t('problems.template_unknown_variable_field', { ...p.values, defaultValue: engineReason(p) });
  if (p.source === 'engine') return engineReason(p);
  return issueWords(p, t) || problemText(p, t);
}
