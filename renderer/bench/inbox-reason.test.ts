import { describe, expect, it, vi as vitest } from 'vitest';
import { createI18n } from '../i18n/i18n.ts';
import { inboxReasonText } from './inbox-reason.ts';

describe('an inbox reason in the user\'s language', () => {
  vitest.stubGlobal('document', { documentElement: { lang: '' } });
  const vi = createI18n('vi');
  const en = createI18n('en');

  it('says which signature was verified, in Vietnamese and English', () => {
    expect(inboxReasonText('X-Shopify-Hmac-Sha256 verified', vi.t)).toBe('Đã xác minh chữ ký X-Shopify-Hmac-Sha256');
    expect(inboxReasonText('Authorization verified (HMAC-SHA256 of app_key + body)', vi.t)).toBe('Đã xác minh chữ ký Authorization');
    expect(inboxReasonText('checksum verified', vi.t)).toBe('Đã xác minh mã kiểm tra (checksum)');
    expect(inboxReasonText('X-WC-Webhook-Signature verified', en.t)).toBe('X-WC-Webhook-Signature verified');
  });

  it('keeps a refusal in the words that name what is wrong', () => {
    const refusal = "X-Shopify-Hmac-Sha256 does not match the body signed with this connection's secret";
    expect(inboxReasonText(refusal, vi.t)).toBe(refusal);
  });
});
