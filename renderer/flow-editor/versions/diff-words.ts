import type { FlowDocument, FlowFileNeed } from '../../../engine/contract/index.ts';
import type { FormField } from '../../canvas/core/schema-form.ts';

/** The words a diff needs from the editor: step type labels, field titles, option names. */
export interface DiffVocabulary {
  typeLabel: (type: string) => string;
  fieldTitle: (type: string, key: string) => string;
  fieldOf: (type: string, key: string) => FormField | undefined;
  option: (value: string) => string;
  port: (type: string, port: string) => string;
  notSet: string;
  empty: string;
  yes: string;
  no: string;
}

const longest = 80;

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > longest ? `${line.slice(0, longest - 1)}…` : line;
}

/** A params value in a few words: "VIP, Khách quen", "greater than", "“100”", "not set". */
export function valueWords(value: unknown, field: FormField | undefined, w: DiffVocabulary): string {
  if (value === undefined || value === null) return w.notSet;
  if (value === '') return w.empty;
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return field?.kind === 'select' ? w.option(value) : `“${clip(value)}”`;
  if (Array.isArray(value)) {
    if (value.length === 0) return w.empty;
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return clip(value.map((v) => (field?.kind === 'checklist' ? w.option(String(v)) : String(v))).join(', '));
    }
  }
  return clip(JSON.stringify(value));
}

/** A step by its own name when it has one, else its type's; looked up in either document. */
export function stepName(id: string, docs: readonly FlowDocument[], w: DiffVocabulary): string {
  for (const doc of docs) {
    const node = doc.nodes.find((n) => n.id === id);
    if (node) return `“${node.label || w.typeLabel(node.type)}”`;
  }
  return id;
}

/** One end of a connection: the step, and its port when there is a choice (Condition (Yes)). */
export function portName(id: string, port: string, docs: readonly FlowDocument[], w: DiffVocabulary): string {
  const name = stepName(id, docs, w);
  if (port === 'out' || port === 'in') return name;
  const type = docs.map((d) => d.nodes.find((n) => n.id === id)?.type).find(Boolean);
  return `${name} (${type ? w.port(type, port) : port})`;
}

/** "Authorization header of “Send HTTP request”": what an exported file left for the importer. */
export function needWords(need: FlowFileNeed, doc: FlowDocument, w: DiffVocabulary, words: { header: (h: string, step: string) => string; field: (f: string, step: string) => string }): string {
  const step = stepName(need.nodeId, [doc], w);
  if (need.header) return words.header(need.header, step);
  const type = doc.nodes.find((n) => n.id === need.nodeId)?.type;
  return words.field(type ? w.fieldTitle(type, need.field) : need.field, step);
}
