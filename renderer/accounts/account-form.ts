import type { AccountDto, ConnectorInfoDto } from '../../engine/contract/index.ts';
import { formFields, type FormField } from '../canvas/core/schema-form.ts';

/** What the account form holds: every control's value as the control has it (text, or a checkbox's boolean). */
export interface AccountFormValues {
  name: string;
  credentials: Record<string, string | boolean>;
  settings: Record<string, string | boolean>;
}

export interface AccountFormFields {
  credentials: FormField[];
  settings: FormField[];
  secrets: ReadonlySet<string>;
}

export function accountFormFields(info: ConnectorInfoDto): AccountFormFields {
  return { credentials: formFields(info.credentialsSchema), settings: formFields(info.settingsSchema), secrets: new Set(info.secretFields) };
}

const asControl = (field: FormField, value: unknown): string | boolean =>
  field.kind === 'checkbox' ? value === true : value === undefined || value === null ? '' : String(value);

function initial(fields: readonly FormField[], from: Record<string, unknown>): Record<string, string | boolean> {
  return Object.fromEntries(fields.map((f) => [f.key, asControl(f, f.key in from ? from[f.key] : f.defaultValue)]));
}

/**
 * A new account's form (the schema's defaults), or an existing one's: its stored fields and
 * settings; secrets empty, since they are never sent back (left empty, they are kept).
 */
export function accountFormValues(info: ConnectorInfoDto, existing?: AccountDto): AccountFormValues {
  const fields = accountFormFields(info);
  const credentials = initial(fields.credentials, existing?.fields ?? {});
  for (const key of fields.secrets) credentials[key] = '';
  return { name: existing?.name ?? '', credentials, settings: initial(fields.settings, existing?.settings ?? {}) };
}

function toValues(fields: readonly FormField[], values: Record<string, string | boolean>, skip: (key: string, value: string | boolean) => boolean) {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || skip(f.key, v)) continue;
    if (f.kind === 'number') {
      // An emptied number takes the default; text the engine refuses with the field's name.
      if (v === '') continue;
      const n = Number(v);
      out[f.key] = Number.isFinite(n) ? n : v;
    } else out[f.key] = v;
  }
  return out;
}

/** The API's arguments from the form: numbers as numbers; on an update, an empty secret is left out (kept). */
export function accountArgs(info: ConnectorInfoDto, values: AccountFormValues, mode: 'create' | 'update') {
  const fields = accountFormFields(info);
  const credentials = toValues(fields.credentials, values.credentials, (key, v) => mode === 'update' && fields.secrets.has(key) && v === '');
  const settings = toValues(fields.settings, values.settings, () => false);
  return { name: values.name.trim(), credentials, settings };
}

/** One line that says which account it is, without secrets: "smtp.gmail.com · shop@example.vn", "CUAHANGAN". */
export function accountSummary(account: AccountDto): string {
  const f = account.fields;
  const parts = [f['host'] ? `${String(f['host'])}${f['port'] ? `:${String(f['port'])}` : ''}` : null, f['user'] || null, f['brandname'] || null];
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
}
