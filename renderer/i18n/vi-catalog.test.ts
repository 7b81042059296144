import { describe, expect, it } from 'vitest';
import { englishWordsIn } from './vi-glossary.ts';

const catalogs = import.meta.glob<{ default: unknown }>('./locales/*/*.json', { eager: true });
const files = Object.keys(catalogs).filter((p) => p.startsWith('./locales/vi/')).map((p) => p.slice('./locales/vi/'.length));
const read = (lang: string, file: string): unknown => catalogs[`./locales/${lang}/${file}`]?.default ?? {};

/** Every string of a catalog by its key path (arrays by index). */
function strings(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  return out;
}
/** Vietnamese has one plural form: `x_other` answers for English's `x_one` and `x_other`. */
const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

/**
 * Strings that read the same in both languages: product and provider names, and the fields
 * those providers name in their own consoles (a merchant copies "Account SID" from Twilio's).
 */
const SAME_IN_BOTH = /^(?:Email|SMS|Zalo|Zalo OA|Messenger|Facebook Messenger|Telegram|Slack|Google Sheets|Trello|Asana|HTML|MarkdownV2|URL|Bcc|API|API key|ApiKey|SecretKey|Brandname|Token|Access token|Refresh token|Auth Token|Personal access token|Account SID|Messaging Service SID|App ID|Webhook|Dropship|SKU|dd\/mm\/yyyy(?: hh:mm)?|(?:Email|SMS) \([A-Za-z.]+\)|Bot: \{\{value\}\}|SKU \{\{sku\}\})$/;

describe('the Vietnamese catalogs', () => {
  it('say everything the English ones say', () => {
    const missing: string[] = [];
    for (const file of files) {
      const vi = new Set([...strings(read('vi', file)).keys()].map(pluralBase));
      for (const key of strings(read('en', file)).keys()) if (!vi.has(pluralBase(key))) missing.push(`${file} ${key}`);
    }
    expect(missing).toEqual([]);
  });

  it('use the glossary: no English word a shop owner reads is left in a Vietnamese string', () => {
    const found: string[] = [];
    for (const file of files) {
      for (const [key, text] of strings(read('vi', file))) {
        for (const w of englishWordsIn(text)) found.push(`${file} ${key}: "${w.word}" (say "${w.vi}") in ${JSON.stringify(text)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('translate every string, product and provider names aside', () => {
    const same: string[] = [];
    for (const file of files) {
      const en = strings(read('en', file));
      for (const [key, text] of strings(read('vi', file))) {
        if (en.get(key) === text && /\p{L}{3}/u.test(text.replace(/\{\{[^}]*\}\}/g, '')) && !SAME_IN_BOTH.test(text)) same.push(`${file} ${key}: ${text}`);
      }
    }
    expect(same).toEqual([]);
  });
});

describe('the glossary check', () => {
  it('finds the English words, and leaves placeholders, code, quotes and platform menus alone', () => {
    expect(englishWordsIn('Gắn tag đơn hàng').map((w) => w.word)).toEqual(['tag']);
    expect(englishWordsIn('Đã lưu Order và Tags').map((w) => w.word)).toEqual(['order', 'tags']);
    expect(englishWordsIn('Phóng to; thanh toán; {{ order.tags }}; `orders/create`; event.tags')).toEqual([]);
    expect(englishWordsIn('Trong trang quản trị Shopify → Settings → Notifications → Webhooks, tạo webhook')).toEqual([]);
    expect(englishWordsIn('Khi hủy: "original" hoàn tiền, “Out of Stock” của Lazada')).toEqual([]);
  });
});
