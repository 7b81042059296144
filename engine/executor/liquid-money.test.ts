import { describe, expect, it } from 'vitest';
import { addDecimals, decimalToNumber, parseDecimal, roundDecimal, toLiquidNumber } from './liquid-decimal.ts';
import { currencyFormat, formatMoney, type MoneyStyle } from './liquid-money.ts';

const money = (amount: string | number, currency: string, style: MoneyStyle = 'money') => formatMoney(parseDecimal(amount)!, currency, style);

describe('decimals', () => {
  it('reads decimal strings and numbers exactly, and nothing else', () => {
    expect(parseDecimal('404.95')).toEqual({ units: 40495n, scale: 2 });
    expect(parseDecimal(' -12 ')).toEqual({ units: -12n, scale: 0 });
    expect(parseDecimal(1e-7)).toEqual({ units: 1n, scale: 7 });
    expect(parseDecimal(1e21)).toEqual({ units: 10n ** 21n, scale: 0 });
    for (const bad of ['', 'abc', '1,5', '1.', '.5', '1e3', NaN, Infinity, null, true]) expect(parseDecimal(bad)).toBeNull();
  });

  it('rounds half away from zero and adds without float error', () => {
    expect(roundDecimal(parseDecimal('1234567.5')!, 0)).toEqual({ units: 1234568n, scale: 0 });
    expect(roundDecimal(parseDecimal('-2.5')!, 0)).toEqual({ units: -3n, scale: 0 });
    expect(roundDecimal(parseDecimal('2.449')!, 1)).toEqual({ units: 24n, scale: 1 });
    expect(roundDecimal(parseDecimal('7')!, 2)).toEqual({ units: 700n, scale: 2 });
    expect(decimalToNumber(addDecimals(parseDecimal(0.1)!, parseDecimal(0.2)!))).toBe(0.3);
  });

  it("converts to numbers as Shopify's Utils.to_number", () => {
    expect(decimalToNumber(toLiquidNumber('12.50'))).toBe(12.5);
    expect(decimalToNumber(toLiquidNumber('12abc'))).toBe(12);
    expect(decimalToNumber(toLiquidNumber('abc'))).toBe(0);
    expect(decimalToNumber(toLiquidNumber(null))).toBe(0);
    expect(decimalToNumber(toLiquidNumber(-3))).toBe(-3);
  });
});

describe('money formats', () => {
  it.each([
    ['2000000', 'VND', 'money', '2.000.000₫'],
    ['2000000', 'VND', 'with_currency', '2.000.000 ₫ VND'],
    ['2000000', 'VND', 'without_currency', '2.000.000'],
    ['1234567.5', 'VND', 'money', '1.234.568₫'],
    ['500', 'vnd', 'money', '500₫'],
    ['404.95', 'USD', 'money', '$404.95'],
    ['404.95', 'USD', 'with_currency', '$404.95 USD'],
    ['404.95', 'USD', 'without_currency', '404.95'],
    ['-1234.5', 'USD', 'money', '-$1,234.50'],
    ['0.004', 'USD', 'money', '$0.00'],
    ['12.5', 'GBP', 'money', '£12.50'],
    ['12.5', 'XYZ', 'money', '12.50 XYZ'],
    ['12.5', 'XYZ', 'with_currency', '12.50 XYZ'],
  ] as const)('%s %s as %s is %s', (amount, currency, style, expected) => {
    expect(money(amount, currency, style)).toBe(expected);
  });

  it('refuses what is not a currency code', () => {
    expect(() => currencyFormat('đ')).toThrow('unknown currency "đ"');
    expect(() => currencyFormat('US')).toThrow('unknown currency "US"');
  });
});
