import { decimalParts, roundDecimal, type DecimalValue } from './liquid-decimal.ts';

/** `money` → "$404.95" / "2.000.000₫"; `with_currency` → "$404.95 USD" / "2.000.000 ₫ VND"; `without_currency` → "404.95" / "2.000.000". */
export type MoneyStyle = 'money' | 'with_currency' | 'without_currency';

interface CurrencyFormat {
  code: string;
  symbol: string;
  symbolAfter: boolean;
  thousands: string;
  decimal: string;
  /** Fraction digits shown (ISO 4217 minor units: VND 0, USD 2). */
  digits: number;
}

/**
 * Formats written out where the shop's customers read them. Vietnamese dong: dot thousands,
 * no decimals, the sign after the amount, as Vietnamese shops print prices. Every other
 * currency: its symbol before the amount, comma thousands, dot decimals and its ISO number of
 * decimals (2 for USD and EUR, 0 for JPY), from the runtime's Intl data.
 */
const HOUSE_FORMATS: Record<string, Omit<CurrencyFormat, 'code'>> = {
  VND: { symbol: '₫', symbolAfter: true, thousands: '.', decimal: ',', digits: 0 },
};

const formats = new Map<string, CurrencyFormat>();

/** The format of an ISO currency code (case-insensitive); throws on something that is not one. */
export function currencyFormat(currency: string): CurrencyFormat {
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new Error(`unknown currency "${currency}"`);
  let format = formats.get(code);
  if (!format) {
    const house = HOUSE_FORMATS[code];
    format = house ? { code, ...house } : intlFormat(code);
    formats.set(code, format);
  }
  return format;
}

export function formatMoney(amount: DecimalValue, currency: string, style: MoneyStyle): string {
  const format = currencyFormat(currency);
  const rounded = roundDecimal(amount, format.digits);
  const { negative, whole, fraction } = decimalParts(rounded);
  const sign = negative && rounded.units !== 0n ? '-' : '';
  const number = whole.replace(/\B(?=(\d{3})+(?!\d))/g, format.thousands) + (format.digits > 0 ? format.decimal + fraction : '');
  if (style === 'without_currency') return sign + number;
  const { symbol, code } = format;
  if (symbol === code) return `${sign}${number} ${code}`;
  if (format.symbolAfter) return style === 'money' ? `${sign}${number}${symbol}` : `${sign}${number} ${symbol} ${code}`;
  return style === 'money' ? `${sign}${symbol}${number}` : `${sign}${symbol}${number} ${code}`;
}

function intlFormat(code: string): CurrencyFormat {
  const intl = new Intl.NumberFormat('en-US', { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' });
  const symbol = intl.formatToParts(1).find((part) => part.type === 'currency')?.value ?? code;
  return { code, symbol, symbolAfter: false, thousands: ',', decimal: '.', digits: intl.resolvedOptions().maximumFractionDigits ?? 2 };
}
