/**
 * How many SMS parts a text costs, as the editor shows it and the step records it. Pure.
 *
 * GSM 03.38: a text written only in the GSM-7 alphabet takes 160 characters in one part, 153
 * per part when split (the rest carries the joining header); `^ { } \ [ ~ ] | €` take two
 * places each. Any other character (Vietnamese diacritics, emoji) makes the whole text UCS-2:
 * 70 in one part, 67 per part when split, counted in UTF-16 units (an emoji takes two).
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';

const basic = new Set(GSM7_BASIC);
const extended = new Set(GSM7_EXTENDED);

export type SmsEncoding = 'gsm7' | 'unicode';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Length in the encoding's units: GSM-7 septets (an extended character counts 2), or UTF-16 units. */
  units: number;
  segments: number;
  /** Units one part holds at this length (160/153 or 70/67). */
  perSegment: number;
  /** Units left before another part is needed. */
  remaining: number;
}

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return 'unicode';
  return 'gsm7';
}

export function smsSegments(text: string): SmsSegments {
  const encoding = smsEncoding(text);
  let units = 0;
  if (encoding === 'gsm7') for (const ch of text) units += extended.has(ch) ? 2 : 1;
  else units = text.length;
  const single = encoding === 'gsm7' ? 160 : 70;
  const multi = encoding === 'gsm7' ? 153 : 67;
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / multi);
  const perSegment = segments <= 1 ? single : multi;
  const remaining = segments <= 1 ? single - units : segments * multi - units;
  return { encoding, units, segments, perSegment, remaining };
}

/** Vietnamese letters with a diacritic (lower case; a few, like é and à, are also GSM-7). */
const VIETNAMESE_MARKED = new Set('àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ');

/** What the editor says under an SMS text: "2 SMS · 75/134 characters · Unicode (has Vietnamese accents)". */
export interface SmsCount extends SmsSegments {
  /** Units the parts hold in all (75/**134**): one part's room for an empty text. */
  capacity: number;
  /** The first character that made the text Unicode; null for GSM-7. */
  unicodeBecause: string | null;
  /** A Vietnamese letter with a diacritic (outside GSM-7) is among the reasons. */
  vietnamese: boolean;
}

export function smsCount(text: string): SmsCount {
  const parts = smsSegments(text);
  let unicodeBecause: string | null = null;
  let vietnamese = false;
  if (parts.encoding === 'unicode') {
    for (const ch of text) {
      if (basic.has(ch) || extended.has(ch)) continue;
      unicodeBecause ??= ch;
      if (VIETNAMESE_MARKED.has(ch.toLowerCase())) {
        vietnamese = true;
        break;
      }
    }
  }
  return { ...parts, capacity: Math.max(1, parts.segments) * parts.perSegment, unicodeBecause, vietnamese };
}

/**
 * The text without Vietnamese diacritics ("Đơn hàng đã huỷ" → "Don hang da huy"): what shops
 * send to keep a message in GSM-7, at less than half the cost per part.
 */
export function withoutVietnameseAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
