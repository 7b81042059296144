import type { TFunction } from 'i18next';
import { platformLabels, relativeDateOperators, type ConditionField, type ConditionNodeInput } from '../../../../engine/contract/index.ts';
import { fieldLabel, findField, itemScope, type FieldScope, type Lang } from './field-catalog.ts';
import { isGroup, isQuantifier, operatorFamily, type GroupInput, type QuantifierInput, type RuleInput } from './rule-model.ts';

/**
 * A condition in words, in the user's language: "Order total ≥ 2.000.000 and at least one line
 * item: SKU starts with PRE-". Pure: the words come in as a `t` over the `conditions` namespace
 * (the `orders` one for status names), so the card, the builder and the run view say the same.
 */

export type Translate = TFunction;

export interface SummaryWords {
  lang: Lang;
  t: Translate;
}

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-US');

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(n);
}

/** A bare date ("2026-01-31") as the user writes dates; anything else as it was typed. */
export function formatDateValue(value: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The word for one of a field's fixed values: a payment status, a platform, an event. */
export function optionWord(field: ConditionField | undefined, value: string, t: Translate): string {
  const path = field?.path ?? '';
  if (path.endsWith('financialStatus')) return t(`orders:financial.${value}`, { defaultValue: value });
  if (path.endsWith('fulfillmentStatus')) return t(`orders:fulfillmentStatus.${value}`, { defaultValue: value });
  if (path.endsWith('deliveryStatus')) return t(`orders:deliveryStatus.${value}`, { defaultValue: value });
  if (path.endsWith('platform')) return (platformLabels as Record<string, string>)[value] ?? value;
  if (path === 'event.type') return t(`event.${value.replaceAll('.', '_')}`, { defaultValue: value });
  return value;
}

const lastSegment = (path: string) => path.split('.').at(-1) ?? path;

/** "line item", "property": one item of a list, for "at least one line item". */
export function itemNoun(list: ConditionField | undefined, words: SummaryWords): string {
  if (!list) return words.t('item.item');
  return words.t(`item.${lastSegment(list.path)}`, { defaultValue: fieldLabel(list, words.lang).toLocaleLowerCase(locale(words.lang)) });
}

/** "line items", "properties": the list as a plural, for "+ For line items…". */
export function listNoun(list: ConditionField, words: SummaryWords): string {
  return words.t(`list.${lastSegment(list.path)}`, { defaultValue: fieldLabel(list, words.lang).toLocaleLowerCase(locale(words.lang)) });
}

/** The value of a rule as its sentence shows it. */
function valueWords(rule: RuleInput, field: ConditionField | undefined, words: SummaryWords): Record<string, string> {
  const { lang, t } = words;
  const missing = t('summary.noValue');
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? formatNumber(v, lang) : missing);
  switch (rule.type) {
    case 'text':
      return { value: rule.value?.trim() ? (field?.options ? optionWord(field, rule.value, t) : rule.value) : missing };
    case 'number':
      return { value: num(rule.value), value2: num(rule.value2) };
    case 'date': {
      if (relativeDateOperators.includes(rule.operator)) {
        const count = typeof rule.value === 'number' ? rule.value : undefined;
        return { count: count === undefined ? missing : formatNumber(count, lang), unit: t(`unit.${rule.unit ?? 'days'}`, { count: count ?? 2 }) };
      }
      return { value: typeof rule.value === 'string' && rule.value ? formatDateValue(rule.value, lang) : missing };
    }
    case 'list':
      return { value: rule.value && rule.value.length > 0 ? rule.value.join(', ') : missing };
    case 'boolean':
      return {};
  }
}

/** One rule in words: "SKU starts with PRE-". */
export function ruleSentence(rule: RuleInput, scope: FieldScope, words: SummaryWords): string {
  const field = findField(scope, rule.field);
  const label = field ? fieldLabel(field, words.lang) : rule.field === '' ? words.t('summary.noField') : rule.field;
  const family = operatorFamily(field, rule.type);
  return words.t(`rule.${family}.${rule.operator}`, { field: label, ...valueWords(rule, field, words), defaultValue: `${label} ${rule.operator}` });
}

/** "at least one line item: <where>". */
export function quantifierSentence(q: QuantifierInput, scope: FieldScope, where: string, words: SummaryWords): string {
  const list = findField(scope, q.list);
  return words.t(`quantify.${q.quantifier}`, { item: itemNoun(list, words), where });
}

/** The scope inside a check over `q.list`. */
export function scopeWithin(q: QuantifierInput, scope: FieldScope): FieldScope {
  const list = findField(scope, q.list);
  return list ? itemScope(list) : { fields: [], list: null };
}

function nodeText(node: ConditionNodeInput, scope: FieldScope, words: SummaryWords, nested: boolean): string {
  if (isGroup(node)) {
    const parts = node.rules.map((child, i) => {
      const text = nodeText(child, scope, words, node.rules.length > 1);
      // A check that is not last would swallow what follows it: "…: SKU is X and Total ≥ 1".
      return isQuantifier(child) && node.rules.length > 1 && i < node.rules.length - 1 ? `(${text})` : text;
    });
    if (parts.length === 0) return words.t(node.join === 'all' ? 'summary.emptyGroup' : 'summary.emptyAnyGroup');
    const joined = parts.join(` ${words.t(`join.${node.join}`)} `);
    return nested && parts.length > 1 ? `(${joined})` : joined;
  }
  if (isQuantifier(node)) {
    const inner = scopeWithin(node, scope);
    return quantifierSentence(node, scope, nodeText(node.where, inner, words, true), words);
  }
  return ruleSentence(node, scope, words);
}

/** The whole condition in a line, for the canvas card. */
export function summarizeCondition(tree: GroupInput, scope: FieldScope, words: SummaryWords): string {
  if (tree.rules.length === 0) return words.t(tree.join === 'all' ? 'summary.empty' : 'summary.emptyAny');
  const text = nodeText(tree, scope, words, false);
  // The first letter, even behind a bracket: "(No line item: …) or …".
  return text.replace(/\p{L}/u, (c) => c.toLocaleUpperCase(locale(words.lang)));
}
