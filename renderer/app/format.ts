/**
 * Times and money in the language the user chose in Flowdesk (the `lang` i18n sets on the
 * page), not the browser's: a Vietnamese shop owner reads 24-hour times, dd/MM/yyyy dates and
 * `600.000 ₫` whatever the machine's locale (issue 16).
 */
type Lang = string | undefined;

const currentLang = (): Lang => globalThis.document?.documentElement.lang || undefined;
const localeOf = (lang: Lang): string | undefined => (lang === 'vi' ? 'vi-VN' : lang === 'en' ? 'en-US' : lang);

const cache = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(lang: Lang, kind: 'time' | 'date' | 'clock'): Intl.DateTimeFormat {
  const key = `${lang ?? ''}:${kind}`;
  let f = cache.get(key);
  if (!f) {
    const vi = lang === 'vi';
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { timeStyle: 'medium', ...(vi ? { hourCycle: 'h23' as const } : {}) }
        : kind === 'clock'
          ? { hour: '2-digit', minute: '2-digit', ...(vi ? { hourCycle: 'h23' as const } : {}) }
          : vi
            ? { day: '2-digit', month: '2-digit', year: 'numeric' }
            : { dateStyle: 'medium' };
    f = new Intl.DateTimeFormat(localeOf(lang), options);
    cache.set(key, f);
  }
  return f;
}

/** Today's times as a time of day, older ones with their date ("07/12/2026 16:00" in Vietnamese, "Dec 7, 2026, 4:00 PM" in English). */
export function formatTime(iso: string, now: Date = new Date(), lang: Lang = currentLang()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (date.toDateString() === now.toDateString()) return dateTimeFormat(lang, 'time').format(date);
  return `${dateTimeFormat(lang, 'date').format(date)}${lang === 'vi' ? ' ' : ', '}${dateTimeFormat(lang, 'clock').format(date)}`;
}

/** A date without its time: "07/12/2026", "Dec 7, 2026". */
export function formatDate(iso: string, lang: Lang = currentLang()): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat(lang, 'date').format(date);
}

/** Money arrives as a decimal string; shown in the order's currency when the locale knows it ("600.000 ₫" in Vietnamese). */
export function formatMoney(amount: string, currency: string, lang: Lang = currentLang()): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}

/**
 * A number as typed in the user's language: Vietnamese groups thousands with "." and writes
 * decimals with "," ("2.000.000", "12,5"); English the other way round. Null when it is not
 * a number. A lone "." followed by exactly three digits reads as grouping in Vietnamese.
 */
export function parseLocalNumber(text: string, lang: Lang = currentLang()): number | null {
  const t = text.trim().replace(/[\s\u00a0₫đ$]/gu, '');
  if (t === '') return null;
  const [group, decimal] = lang === 'vi' ? ['.', ','] : [',', '.'];
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  const plain = new RegExp(`^-?\\d+(\\${decimal}\\d+)?$`);
  let normal: string | null = null;
  if (grouped.test(t)) normal = t.replaceAll(group, '').replace(decimal, '.');
  else if (plain.test(t)) normal = t.replace(decimal, '.');
  // A number in the other language's decimal form ("12.5" typed in Vietnamese mode) is still read.
  else if (/^-?\d+\.\d+$/.test(t)) normal = t;
  if (normal === null) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/** `bad_signature` → `Bad signature`. */
export function humanize(word: string): string {
  const spaced = word.replaceAll('_', ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
