import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineData, TimelineEntryDto } from '../../engine/contract/index.ts';
import enOrders from '../i18n/locales/en/orders.json';
import viOrders from '../i18n/locales/vi/orders.json';
import enTasks from '../i18n/locales/en/tasks.json';
import viTasks from '../i18n/locales/vi/tasks.json';
import { timelineSentence } from '../timeline/timeline-sentence.ts';
import { intentWords } from '../flow-editor/runs/intent-view.ts';

const words = {} as Record<'en' | 'vi', TFunction>;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { orders: enOrders }, vi: { orders: viOrders } }, lng: 'en', fallbackLng: 'en', ns: ['orders', 'runs'], defaultNS: 'orders', interpolation: { escapeValue: false } });
  // As i18n.ts does: tasks.json's `into` goes to the namespaces that word intents and steps.
  for (const [lang, file] of [['en', enTasks], ['vi', viTasks]] as const) {
    for (const [ns, w] of Object.entries(file.into)) i18n.addResourceBundle(lang, ns, w, true, false);
  }
  words.en = i18n.getFixedT('en', 'orders');
  words.vi = i18n.getFixedT('vi', 'orders');
});

const typed = (data: TimelineData): TimelineEntryDto => ({ id: 1, orderId: 'ord_1', at: '2026-01-01T00:00:00.000Z', kind: data.kind, data, legacyTitle: null, inboxId: null, runId: null });
const say = (lang: 'en' | 'vi', data: TimelineData) => timelineSentence(typed(data), words[lang], (iso) => `<${iso}>`);

describe('the timeline says what became of a task, in English and Vietnamese', () => {
  it('created, with who, by when and by which flow when known', () => {
    const made = { kind: 'task_created', taskId: 'tsk_1', title: 'Gọi lại', assignee: 'Lan', dueAt: '2026-12-24T10:00:00.000Z', flowName: 'Đơn lớn' } as const;
    expect(say('en', made)).toBe('Task “Gọi lại” created — for Lan, due <2026-12-24T10:00:00.000Z>, by flow “Đơn lớn”');
    expect(say('vi', made)).toBe('Đã tạo việc “Gọi lại” — giao cho Lan, hạn <2026-12-24T10:00:00.000Z>, do luồng “Đơn lớn” tạo');
    expect(say('en', { ...made, assignee: null, dueAt: null, flowName: null })).toBe('Task “Gọi lại” created');
  });

  it('done, and opened again', () => {
    expect(say('en', { kind: 'task_done', taskId: 'tsk_1', title: 'Gọi lại', done: true })).toBe('Task “Gọi lại” done');
    expect(say('vi', { kind: 'task_done', taskId: 'tsk_1', title: 'Gọi lại', done: true })).toBe('Đã xong việc “Gọi lại”');
    expect(say('vi', { kind: 'task_done', taskId: 'tsk_1', title: 'Gọi lại', done: false })).toBe('Đã mở lại việc “Gọi lại”');
  });

  it('names the task intents in the run view', () => {
    expect(intentWords(words.vi, 'task.create')).toBe('Tạo việc cần làm');
    expect(intentWords(words.en, 'trello.createCard')).toBe('Create a Trello card');
    expect(intentWords(words.vi, 'asana.createTask')).toBe('Tạo việc Asana');
  });
});
