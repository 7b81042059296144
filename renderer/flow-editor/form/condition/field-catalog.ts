import { conditionFields, type ConditionField } from '../../../../engine/contract/index.ts';
import { fold } from '../../../canvas/core/palette.ts';
import { customFieldOfPath } from './custom-fields.ts';

/**
 * The condition builder's view of the field catalog (engine/contract/flow/condition-fields.ts):
 * which fields a rule can pick where it stands (the trigger data, or one item of a list inside a
 * "for line items…" check), in which section of the picker, and how a search finds them.
 */

export type FieldSection = 'event' | 'order' | 'lineItems' | 'customer' | 'shipping' | 'billing' | 'previous' | 'item' | 'itemLists';

/** Where a rule stands: its fields, and the list whose items they are (none at the root). */
export interface FieldScope {
  fields: readonly ConditionField[];
  list: ConditionField | null;
}

/** One row of the picker. `via`: picking it at this level wraps the rule in a check over that list. */
export interface PickEntry {
  field: ConditionField;
  section: FieldSection;
  via?: ConditionField;
}

export const rootScope: FieldScope = { fields: conditionFields, list: null };

/** A list of plain values (tags) seen item by item: its only field is the value itself (`$`). */
function valueItemField(list: ConditionField): ConditionField {
  return { path: '$', type: list.itemType ?? 'text', label_en: list.label_en, label_vi: list.label_vi };
}

const itemScopes = new WeakMap<ConditionField, FieldScope>();

/** The fields of one item of `list`, for the rules inside a check over it (one object per list). */
export function itemScope(list: ConditionField): FieldScope {
  let scope = itemScopes.get(list);
  if (!scope) {
    scope = { fields: list.itemFields ?? (list.itemType ? [valueItemField(list)] : []), list };
    itemScopes.set(list, scope);
  }
  return scope;
}

/** The fields a check ("for each …") can run over here: lists whose items have fields. */
export function quantifiableLists(scope: FieldScope): ConditionField[] {
  return scope.fields.filter((f) => f.type === 'list' && (f.itemFields?.length ?? 0) > 0);
}

export function findField(scope: FieldScope, path: string): ConditionField | undefined {
  return scope.fields.find((f) => f.path === path) ?? (scope.list === null ? customFieldOfPath(path) : undefined);
}

function rootSection(path: string): FieldSection {
  if (path.startsWith('event.')) return 'event';
  if (path === 'order.lineItems') return 'lineItems';
  if (path.startsWith('order.shippingAddress.')) return 'shipping';
  if (path.startsWith('order.billingAddress.')) return 'billing';
  if (path.startsWith('order.customer.') || path.startsWith('customer.')) return 'customer';
  if (path.startsWith('previous.')) return 'previous';
  return 'order';
}

/** The order sections appear in, most used first. */
export const sectionOrder: readonly FieldSection[] = ['order', 'lineItems', 'customer', 'shipping', 'billing', 'event', 'previous', 'item', 'itemLists'];

/**
 * Every row of the picker in this scope. Besides the scope's own fields, the fields of each list
 * item (a line item's SKU) are offered under the list's section: picking one makes "at least one
 * line item where SKU …", as Shopify Flow does, since a rule cannot read a list's items directly.
 */
export function pickEntries(scope: FieldScope): PickEntry[] {
  const inItem = scope.list !== null;
  const entries: PickEntry[] = [];
  for (const field of scope.fields) {
    const section = inItem ? (field.itemFields ? 'itemLists' : 'item') : rootSection(field.path);
    entries.push({ field, section });
    for (const inner of field.itemFields ?? []) {
      // One level of wrapping is enough to explain; deeper lists are reached through their own check.
      if (!inner.itemFields) entries.push({ field: inner, section: inItem ? 'itemLists' : section, via: field });
    }
  }
  return sectionOrder.flatMap((s) => entries.filter((e) => e.section === s));
}

export type Lang = 'vi' | 'en';

export const langOf = (language: string | undefined): Lang => (language?.toLowerCase().startsWith('vi') ? 'vi' : 'en');

export function fieldLabel(field: ConditionField, lang: Lang): string {
  return lang === 'vi' ? field.label_vi : field.label_en;
}

/** Rows whose label (in either language) or path holds every word of the query, accents ignored. */
export function searchEntries(entries: readonly PickEntry[], query: string): PickEntry[] {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...entries];
  return entries.filter((e) => {
    const haystack = fold([e.field.label_vi, e.field.label_en, e.field.path, e.via?.label_vi ?? '', e.via?.label_en ?? ''].join(' '));
    return terms.every((t) => haystack.includes(t));
  });
}

/** The stable key of a row (an item field under two lists would otherwise collide). */
export const entryKey = (e: PickEntry) => (e.via ? `${e.via.path}>${e.field.path}` : e.field.path);
