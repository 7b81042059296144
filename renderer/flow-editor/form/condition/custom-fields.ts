import type { ConditionField, CustomFieldDto } from '../../../../engine/contract/index.ts';

/**
 * The shop's own customer fields (`customer.fields.<name>`, set by "Update customer field"): not
 * in the catalog, which is written from the model, so they are offered by name, typed by the
 * values stored so far or by the step that sets them.
 */
export const CUSTOM_FIELD_PREFIX = 'customer.fields.';

export function customFieldEntry(name: string, type: CustomFieldDto['type'] = 'text'): ConditionField {
  return { path: `${CUSTOM_FIELD_PREFIX}${name}`, type, label_en: `Custom field: ${name}`, label_vi: `Trường riêng: ${name}` };
}

/** A rule's custom field the picker did not list (a field no customer has yet): read as text. */
export function customFieldOfPath(path: string): ConditionField | undefined {
  const name = path.startsWith(CUSTOM_FIELD_PREFIX) ? path.slice(CUSTOM_FIELD_PREFIX.length) : '';
  return name && !name.includes('.') ? customFieldEntry(name) : undefined;
}

interface FlowNodeLike {
  data: { type: string; params: Record<string, unknown> };
}

/** The custom fields this flow's own "Update customer field" steps set, with the kind each sets. */
export function fieldsSetByFlow(nodes: readonly FlowNodeLike[]): CustomFieldDto[] {
  const out: CustomFieldDto[] = [];
  for (const n of nodes) {
    if (n.data.type !== 'flowdesk.update_customer_field') continue;
    const p = n.data.params;
    if ((p['field'] ?? 'custom') !== 'custom' || typeof p['name'] !== 'string' || p['name'] === '') continue;
    const kind = p['valueType'];
    out.push({ name: p['name'], type: kind === 'number' || kind === 'boolean' ? kind : 'text', customers: 0 });
  }
  return out;
}

/** Known fields first (as stored), then the flow's own, each name once. */
export function mergeCustomFields(stored: readonly CustomFieldDto[], own: readonly CustomFieldDto[]): ConditionField[] {
  const seen = new Set<string>();
  const out: ConditionField[] = [];
  for (const f of [...stored, ...own]) {
    const key = f.name.normalize('NFC');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(customFieldEntry(key, f.type));
  }
  return out.sort((a, b) => a.path.localeCompare(b.path, 'vi'));
}
