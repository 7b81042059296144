import { LiquidError, toValue, type Context, type FilterImplOptions, type Liquid, type Token } from 'liquidjs';
import { addDecimals, decimalToNumber, negateDecimal, parseDecimal, toLiquidNumber } from './liquid-decimal.ts';
import { FilterFailure } from './liquid-errors.ts';
import { formatMoney, type MoneyStyle } from './liquid-money.ts';

/** What liquidjs binds `this` to when it calls a filter. */
interface FilterThis {
  context: Context;
  token: Token;
}
type Filter = (this: FilterThis, value: unknown, ...args: unknown[]) => unknown;

export interface FilterOptions {
  /** Used when neither `| money: 'USD'` nor `order.currency` in the data names one. */
  defaultCurrency: string;
}

/**
 * The filters a Shopify merchant expects on top of liquidjs' built-ins: money in three styles,
 * `plus`/`minus` with Shopify's number rules, `size` counting characters, and `date` refusing an
 * unknown time zone by name. `remove`, `replace`, `split`, `join`, `upcase`, `downcase` and
 * `default` are liquidjs' own and already behave as Shopify's (see templates.test.ts).
 */
export function registerFilters(liquid: Liquid, options: FilterOptions): void {
  const money = (style: MoneyStyle): Filter =>
    function (value, currency) {
      const amount = toValue(value);
      if (amount === null || amount === undefined || amount === '') return '';
      const decimal = parseDecimal(amount);
      if (!decimal) throw new Error(`"${String(amount)}" is not an amount`);
      return formatMoney(decimal, currencyOf(this.context, currency, options.defaultCurrency), style);
    };
  const arithmetic = (name: string, sign: 1 | -1): Filter =>
    function (value, ...args) {
      if (args.length === 0) throw new Error(`needs a number, e.g. | ${name}: 1`);
      const operand = toLiquidNumber(toValue(args[0]));
      return decimalToNumber(addDecimals(toLiquidNumber(toValue(value)), sign === 1 ? operand : negateDecimal(operand)));
    };
  const builtinDate = handlerOf(liquid.filters['date']);

  const filters: Record<string, Filter> = {
    money: money('money'),
    money_with_currency: money('with_currency'),
    money_without_currency: money('without_currency'),
    plus: arithmetic('plus', 1),
    minus: arithmetic('minus', -1),
    size(value) {
      const v = toValue(value);
      if (typeof v === 'string') return [...v].length;
      if (Array.isArray(v)) return v.length;
      if (v instanceof Map || v instanceof Set) return v.size;
      if (v !== null && typeof v === 'object') return Object.keys(v).length;
      return 0;
    },
    date(value, format, zone, ...rest) {
      const timeZone = toValue(zone);
      if (typeof timeZone === 'string') assertTimeZone(timeZone);
      return builtinDate ? builtinDate.call(this, value, format, zone, ...rest) : value;
    },
  };
  for (const [name, filter] of Object.entries(filters)) liquid.registerFilter(name, filter);
}

/**
 * Wraps every registered filter so that its failure names the filter and carries the filter's
 * own token: the message then points at `date` in `{{ x | date: … }}`, not at the `{{`.
 * Call it last, after every filter is registered.
 */
export function placeFilterFailures(liquid: Liquid): void {
  for (const [name, impl] of Object.entries(liquid.filters)) {
    const handler = handlerOf(impl);
    if (!handler) continue;
    const placed: Filter = function (...args) {
      try {
        return handler.apply(this, args);
      } catch (error) {
        if (LiquidError.is(error) || error instanceof FilterFailure) throw error;
        throw new FilterFailure(name, error, this.token);
      }
    };
    liquid.registerFilter(name, typeof impl === 'function' ? placed : { ...impl, handler: placed });
  }
}

/** Checks an IANA zone name; the runtime's own message would be "Invalid time zone specified". */
export function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new Error(`unknown time zone "${zone}"`);
  }
}

/** `| money: 'USD'` wins, then the order's own currency, then the renderer's default. */
function currencyOf(context: Context, argument: unknown, fallback: string): string {
  const named = toValue(argument);
  if (typeof named === 'string' && named.trim() !== '') return named;
  const order = ownValue(context.environments, 'order');
  const currency = ownValue(order, 'currency');
  return typeof currency === 'string' && currency.trim() !== '' ? currency : fallback;
}

function ownValue(object: unknown, key: string): unknown {
  return object !== null && typeof object === 'object' && Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

function handlerOf(impl: FilterImplOptions | undefined): Filter | undefined {
  if (typeof impl === 'function') return impl as Filter;
  return impl ? (impl.handler as Filter) : undefined;
}
