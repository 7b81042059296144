import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../i18n/locales/en/editor.json';
import vi from '../i18n/locales/vi/editor.json';
import type { CanvasProblem } from './core/problems.ts';
import { problemForField, problemOnNode, problemText } from './problem-text.ts';

async function translator(lng: 'vi' | 'en'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ lng, resources: { vi: { editor: vi }, en: { editor: en } }, defaultNS: 'editor', interpolation: { escapeValue: false } });
  return i18n.t;
}

// As the engine sends it (flows.validate), with its args as the editor's values.
const unknown: CanvasProblem = {
  code: 'template_unknown_variable',
  source: 'engine',
  severity: 'warning',
  nodeId: 'n1',
  path: 'text',
  reason: 'unknown variable "order.totl" at line 1, column 10: the trigger\'s data has no such field',
  message: 'Thank-you: Note: unknown variable "order.totl" at line 1, column 10: …',
  values: { node: 'Cảm ơn', field: 'Note', variable: 'order.totl', line: '1', col: '10' },
};

describe('an unknown template variable, in the user’s language', () => {
  it('reads in Vietnamese in the problems list, on the card and under the field', async () => {
    const t = await translator('vi');
    expect(problemText(unknown, t)).toBe('Cảm ơn: Note: không có biến “order.totl” (dòng 1, cột 10): dữ liệu của trình kích hoạt không có trường này; hãy chọn bằng “Chèn biến”');
    expect(problemOnNode(unknown, t, (f) => f)).toMatch(/^Note: không có biến “order\.totl”/);
    expect(problemForField(unknown, t)).toMatch(/^không có biến “order\.totl” \(dòng 1, cột 10\)/);
  });

  it('and in English', async () => {
    const t = await translator('en');
    expect(problemForField(unknown, t)).toBe('unknown variable “order.totl” (line 1, column 10): the trigger\'s data has no such field; choose one with “Insert variable”');
  });
});
