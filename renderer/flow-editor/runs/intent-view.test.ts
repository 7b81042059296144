import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import enRuns from '../../i18n/locales/en/runs.json';
import viRuns from '../../i18n/locales/vi/runs.json';
import { intentArgRows, intentWords } from './intent-view.ts';

describe('intentWords', () => {
  it('names every intent kind the engine has, in English and Vietnamese, and shows a new kind as it is', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { runs: enRuns }, vi: { runs: viRuns } }, lng: 'en', ns: ['runs'], defaultNS: 'runs' });
    const en = i18n.getFixedT('en', 'runs');
    const vi = i18n.getFixedT('vi', 'runs');
    for (const kind of ['order.addTags', 'customer.addTags', 'timeline.note', 'http.request', 'run.wait']) {
      expect(intentWords(en, kind)).not.toBe(kind);
      expect(intentWords(vi, kind)).not.toBe(intentWords(en, kind));
    }
    expect(intentWords(en, 'http.request')).toBe('Send an HTTP request');
    expect(intentWords(vi, 'order.addTags')).toBe('Thêm thẻ đơn hàng');
    expect(intentWords(en, 'crm.sync')).toBe('crm.sync');
  });
});

describe('intentArgRows', () => {
  it('lists an intent’s inputs by shape: text, lists, times, objects as JSON, nothing', () => {
    expect(
      intentArgRows({
        tags: ['VIP', 'Gold'],
        method: 'POST',
        timeoutMs: 5000,
        until: '2026-01-02T09:30:00.000Z',
        headers: { 'content-type': 'application/json' },
        body: null,
      }),
    ).toEqual([
      { key: 'tags', shape: 'text', text: 'VIP, Gold' },
      { key: 'method', shape: 'text', text: 'POST' },
      { key: 'timeoutMs', shape: 'text', text: '5000' },
      { key: 'until', shape: 'time', text: '2026-01-02T09:30:00.000Z' },
      { key: 'headers', shape: 'json', text: '{\n  "content-type": "application/json"\n}' },
      { key: 'body', shape: 'none', text: '' },
    ]);
  });
});
