/**
 * The glossary's check (issue 16): Vietnamese text must not fall back to the English words a
 * shop owner reads everywhere in Flowdesk. One list of those words, used by the catalog test
 * (every string in `locales/vi`) and the browser test (every visible string of each screen in
 * Vietnamese). The Vietnamese word each one is in the glossary sits beside it.
 */
const ENGLISH_WORDS: Record<string, string> = {
  tag: 'thẻ',
  tags: 'thẻ',
  order: 'đơn hàng',
  orders: 'đơn hàng',
  flow: 'luồng',
  flows: 'luồng',
  step: 'bước',
  steps: 'bước',
  delivery: 'giao hàng / lượt gửi webhook',
  deliveries: 'lượt gửi webhook',
  customer: 'khách hàng',
  customers: 'khách hàng',
  settings: 'cài đặt',
  connection: 'kết nối',
  connections: 'kết nối',
  failed: 'thất bại',
  skipped: 'bỏ qua',
  pending: 'đang chờ',
  shipped: 'đã gửi hàng',
  fulfilled: 'đã xử lý',
  unfulfilled: 'chưa xử lý',
  cancelled: 'đã hủy',
  refunded: 'đã hoàn tiền',
  paid: 'đã thanh toán',
  save: 'lưu',
  loading: 'đang tải',
  live: 'trực tiếp',
  the: '',
  and: 'và',
  with: 'với',
  from: 'từ',
  when: 'khi',
  this: 'này',
  your: 'của bạn',
};

const WORD = new RegExp(`(?<![\\p{L}\\p{N}_./-])(${Object.keys(ENGLISH_WORDS).join('|')})(?![\\p{L}\\p{N}_/-])`, 'giu');

/**
 * What is left of a string once the parts that are not Flowdesk's words are taken out: Liquid
 * placeholders, code and quoted values, a platform's own admin menus ("Settings → Notifications →
 * Webhooks", which the merchant reads in that platform's own language), technical tokens
 * (`orders/create`, `event.tags`, `ck_…`, URLs).
 */
function ownWords(text: string): string {
  return text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"|“[^”]*”|'[^'\s][^']*'/g, ' ')
    .replace(/(?:[\p{L}\p{N}&' ]+\s*→\s*)+[\p{L}\p{N}&' ]+/gu, ' ')
    .replace(/\S*[/_@#=:]\S*|\S*\p{L}\.\p{L}\S*/gu, ' ');
}

/** The English glossary words left in a Vietnamese string, with the Vietnamese word for each. */
export function englishWordsIn(text: string): { word: string; vi: string }[] {
  const out: { word: string; vi: string }[] = [];
  for (const m of ownWords(text).matchAll(WORD)) {
    const word = m[1]!.toLowerCase();
    out.push({ word, vi: ENGLISH_WORDS[word] ?? '' });
  }
  return out;
}
