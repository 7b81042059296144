import { isCredentialHeader } from '../../engine/contract/index.ts';
import type { FormField } from './core/schema-form.ts';
import { conditionCardSummary } from '../flow-editor/form/condition/card-summary.ts';

const maxLength = 48;

function clip(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}

/**
 * A node's params in a line, for its card: "order.totalPrice · Number · greater than · 100".
 * An account param shows the account's name (`accountName`), never its id; left out while the
 * name is unknown (not loaded yet, or the account was removed: the step's form says so).
 */
export function paramSummary(
  fields: readonly FormField[],
  params: Readonly<Record<string, unknown>>,
  option: (value: string) => string,
  most = 4,
  accountName: (id: string) => string | null | undefined = () => null,
): string {
  const parts: string[] = [];
  for (const field of fields) {
    const value = params[field.key];
    if (value === undefined || value === null || value === '' || typeof value === 'boolean') continue;
    // A flow param ("Start another flow") is an id too: its name, the same way.
    if (field.schema.widget === 'account' || field.schema.widget === 'flow') {
      const name = accountName(String(value));
      if (name) parts.push(clip(name));
      continue;
    }
    // A spreadsheet row's columns: their headers, in order.
    if (field.schema.widget === 'columns' && Array.isArray(value)) {
      const headers = value.map((c) => (c && typeof c === 'object' ? String((c as { header?: unknown }).header ?? '') : '')).filter(Boolean);
      if (headers.length > 0) parts.push(clip(headers.join(', ')));
      continue;
    }
    if (field.kind === 'condition') {
      parts.push(conditionCardSummary(value));
      continue;
    }
    // An HTTP header that carries a credential (Authorization, *token*, *key*…) shows its name only.
    if (field.key === 'headers' && Array.isArray(value)) {
      const shown = value.map((h) => {
        const [name = '', ...rest] = String(h).split(':');
        return rest.length > 0 && isCredentialHeader(name.trim()) ? `${name.trim()}: ••••` : String(h);
      });
      if (shown.length > 0) parts.push(clip(shown.join(', ')));
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      parts.push(clip(value.map((v) => (field.kind === 'checklist' ? option(String(v)) : String(v))).join(', ')));
    } else if (field.kind === 'select') {
      parts.push(option(String(value)));
    } else if (typeof value === 'string' || typeof value === 'number') {
      parts.push(clip(String(value)));
    }
  }
  return parts.slice(0, most).join(' · ');
}
