import { Liquid } from 'liquidjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTemplateRenderer, TemplateError, type TemplateProblem } from './templates.ts';

const templates = createTemplateRenderer();

const vndOrder = { order: { name: '#1001', totalPrice: '2000000', currency: 'VND', createdAt: '2024-03-01T17:30:00Z', tags: ['vip', 'cod'], note: null } };
const usdOrder = { order: { name: '#1002', totalPrice: '404.95', currency: 'USD', createdAt: '2024-03-01T17:30:00Z', tags: [] } };

const render = (template: string, data: object = vndOrder) => templates.render(template, data);

async function problemOf(template: string, data: object = vndOrder): Promise<TemplateProblem> {
  const error = await render(template, data).then(
    (output) => {
      throw new Error(`expected a TemplateError, rendered ${JSON.stringify(output)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TemplateError);
  return (error as TemplateError).problem;
}

describe('money filters', () => {
  it('formats dong the Vietnamese way: dot thousands, no decimals, ₫ after the amount', async () => {
    expect(await render('{{ order.totalPrice | money }}')).toBe('2.000.000₫');
    expect(await render('{{ order.totalPrice | money_with_currency }}')).toBe('2.000.000 ₫ VND');
    expect(await render('{{ order.totalPrice | money_without_currency }}')).toBe('2.000.000');
  });

  it('rounds dong to whole units, half away from zero', async () => {
    expect(await render("{{ '1234567.5' | money }}")).toBe('1.234.568₫');
    expect(await render("{{ '1234567.49' | money }}")).toBe('1.234.567₫');
    expect(await render("{{ '-1234567.5' | money }}")).toBe('-1.234.568₫');
    expect(await render("{{ '-0.4' | money }}")).toBe('0₫');
    expect(await render("{{ '999' | money }}")).toBe('999₫');
    expect(await render("{{ '0' | money_with_currency }}")).toBe('0 ₫ VND');
  });

  it('formats other currencies with their symbol first and two decimals', async () => {
    expect(await render('{{ order.totalPrice | money }}', usdOrder)).toBe('$404.95');
    expect(await render('{{ order.totalPrice | money_with_currency }}', usdOrder)).toBe('$404.95 USD');
    expect(await render('{{ order.totalPrice | money_without_currency }}', usdOrder)).toBe('404.95');
    expect(await render("{{ '1234567.5' | money }}", usdOrder)).toBe('$1,234,567.50');
    expect(await render("{{ '1.005' | money }}", usdOrder)).toBe('$1.01'); // exact, not 1.00 as a float would give
    expect(await render("{{ '404.95' | money: 'EUR' }}")).toBe('€404.95');
    expect(await render("{{ '1234.5' | money: 'JPY' }}")).toBe('¥1,235'); // yen has no minor unit
  });

  it('accepts numbers as well as decimal strings', async () => {
    expect(await render('{{ amount | money }}', { amount: 2000000 })).toBe('2.000.000₫');
    expect(await render("{{ amount | money: 'USD' }}", { amount: 404.95 })).toBe('$404.95');
    expect(await render('{{ order.totalPrice | plus: 50000 | money }}')).toBe('2.050.000₫');
  });

  it('takes the currency from the argument first, then order.currency, then the renderer default', async () => {
    expect(await render("{{ order.totalPrice | money: 'USD' }}")).toBe('$2,000,000.00');
    expect(await render("{{ order.totalPrice | money_with_currency: 'usd' }}")).toBe('$2,000,000.00 USD');
    expect(await render('{{ order.totalPrice | money }}', usdOrder)).toBe('$404.95');
    expect(await render('{{ amount | money }}', { amount: '2000000' })).toBe('2.000.000₫');
    const usdShop = createTemplateRenderer({ defaultCurrency: 'USD' });
    expect(await usdShop.render('{{ amount | money }}', { amount: '5' })).toBe('$5.00');
    expect(await usdShop.render('{{ order.totalPrice | money }}', vndOrder)).toBe('2.000.000₫');
  });

  it('renders nothing for a nil amount and refuses text that is not an amount, at the filter', async () => {
    expect(await render('{{ order.note | money }}')).toBe('');
    expect(await problemOf('{{ order.name | money }}')).toEqual({
      kind: 'runtime',
      message: 'filter "money": "#1001" is not an amount at line 1, column 17',
      position: { line: 1, col: 17 },
      token: 'money',
    });
    expect((await problemOf("{{ order.totalPrice | money: 'dong' }}")).message).toBe('filter "money": unknown currency "dong" at line 1, column 23');
  });
});

describe('date with a time zone', () => {
  // 17:30 UTC on 1 March is 00:30 on 2 March in Ho Chi Minh City (UTC+7).
  it('shows dates in Asia/Ho_Chi_Minh by default, across midnight UTC', async () => {
    expect(await render("{{ order.createdAt | date: '%d/%m/%Y %H:%M' }}")).toBe('02/03/2024 00:30');
    expect(await render("{{ order.createdAt | date: '%d/%m/%Y %H:%M', 'Asia/Ho_Chi_Minh' }}")).toBe('02/03/2024 00:30');
    expect(await render("{{ order.createdAt | date: '%d/%m/%Y %H:%M %z' }}")).toBe('02/03/2024 00:30 +0700');
    expect(await render("{{ at | date: '%d/%m/%Y %H:%M' }}", { at: '2024-12-31T18:00:00Z' })).toBe('01/01/2025 01:00');
    expect(await render("{{ at | date: '%d/%m/%Y %H:%M' }}", { at: '2024-03-02T00:30:00+07:00' })).toBe('02/03/2024 00:30');
    expect(await render("{{ at | date: '%d/%m/%Y %H:%M' }}", { at: new Date('2024-03-01T16:59:00Z') })).toBe('01/03/2024 23:59');
  });

  it('takes a zone argument, and a zone per renderer', async () => {
    expect(await render("{{ order.createdAt | date: '%d/%m/%Y %H:%M', 'UTC' }}")).toBe('01/03/2024 17:30');
    expect(await render("{{ order.createdAt | date: '%d/%m/%Y %H:%M', 'Asia/Tokyo' }}")).toBe('02/03/2024 02:30');
    const utc = createTemplateRenderer({ timeZone: 'UTC' });
    expect(await utc.render("{{ order.createdAt | date: '%d/%m/%Y %H:%M' }}", vndOrder)).toBe('01/03/2024 17:30');
  });

  it('names months in English, as Shopify does, unless the renderer is given a locale', async () => {
    expect(await render("{{ order.createdAt | date: '%A %-d %B %Y' }}")).toBe('Saturday 2 March 2024');
  });

  it('refuses an unknown zone, in the template and for the renderer', async () => {
    expect(await problemOf("{{ order.createdAt | date: '%H:%M', 'Asia/Saigonn' }}")).toMatchObject({
      kind: 'runtime',
      message: 'filter "date": unknown time zone "Asia/Saigonn" at line 1, column 22',
      position: { line: 1, col: 22 },
    });
    expect(() => createTemplateRenderer({ timeZone: 'Mars/Olympus' })).toThrow(/unknown time zone "Mars\/Olympus"/);
  });
});

describe("Shopify's string and number filters", () => {
  const product = { product: { title: 'Áo thun, cotton, size M', tags: 'sale,summer,,' } };

  it("keeps a comma-separated row intact (seed 004's example)", async () => {
    expect(await render("{{ product.title | remove: ',' }}", product)).toBe('Áo thun cotton size M');
    expect(await render("{{ product.title | replace: ',', '-' }}", product)).toBe('Áo thun- cotton- size M');
    expect(await render("{{ order.name }},{{ product.title | remove: ',' }},{{ order.totalPrice }}", { ...vndOrder, ...product })).toBe('#1001,Áo thun cotton size M,2000000');
  });

  it('remove and replace act on every occurrence; replace without a replacement removes', async () => {
    expect(await render("{{ 'a-b-c' | remove: '-' }}")).toBe('abc');
    expect(await render("{{ 'a-b-c' | replace: '-', '+' }}")).toBe('a+b+c');
    expect(await render("{{ 'a-b-c' | replace: '-' }}")).toBe('abc');
  });

  it('split drops trailing empty strings as Ruby does; join defaults to a space', async () => {
    expect(await render("{{ product.tags | split: ',' | size }}", product)).toBe('2');
    expect(await render("{{ product.tags | split: ',' | join: ' / ' }}", product)).toBe('sale / summer');
    expect(await render("{{ 'a,,b' | split: ',' | join: '|' }}")).toBe('a||b');
    expect(await render('{{ order.tags | join }}')).toBe('vip cod');
    expect(await render("{{ order.tags | join: ', ' }}")).toBe('vip, cod');
  });

  it('upcase and downcase handle Vietnamese diacritics', async () => {
    expect(await render("{{ 'Đơn hàng của bạn' | upcase }}")).toBe('ĐƠN HÀNG CỦA BẠN');
    expect(await render("{{ 'ĐÃ GIAO HÀNG' | downcase }}")).toBe('đã giao hàng');
  });

  it('default replaces nil, false, an empty string and an empty list, and keeps false with allow_false', async () => {
    const data = { v: { nil: null, no: false, empty: '', none: [], zero: 0, text: 'x' } };
    expect(await render("{{ v.nil | default: 'd' }}|{{ v.no | default: 'd' }}|{{ v.empty | default: 'd' }}|{{ v.none | default: 'd' }}", data)).toBe('d|d|d|d');
    expect(await render("{{ v.zero | default: 'd' }}|{{ v.text | default: 'd' }}|{{ v.no | default: 'd', allow_false: true }}", data)).toBe('0|x|false');
  });

  it('size counts characters, list items and object keys', async () => {
    expect(await render("{{ 'Hà Nội' | size }}")).toBe('6');
    expect(await render("{{ '🎉ok' | size }}")).toBe('3'); // characters, not UTF-16 units
    expect(await render('{{ order.tags | size }}|{{ order.tags.size }}')).toBe('2|2');
    expect(await render('{{ o | size }}|{{ order.note | size }}', { ...vndOrder, o: { a: 1, b: 2 } })).toBe('2|0');
  });

  it('plus adds decimal strings exactly, keeps integers integral and reads text as Shopify does', async () => {
    expect(await render('{{ order.totalPrice | plus: 1 }}', usdOrder)).toBe('405.95');
    expect(await render("{{ '2000000' | plus: '30000.5' }}")).toBe('2030000.5');
    expect(await render('{{ a | plus: b }}', { a: 0.1, b: 0.2 })).toBe('0.3');
    expect(await render('{{ 4 | plus: 2 }}')).toBe('6');
    expect(await render("{{ 'abc' | plus: 1 }}|{{ '12abc' | plus: 1 }}|{{ order.note | plus: 1 }}")).toBe('1|13|1');
    expect(await render("{{ '404.95' | minus: '4.95' }}|{{ 1 | minus: 3 }}")).toBe('400|-2');
    expect((await problemOf('{{ order.totalPrice | plus }}')).message).toBe('filter "plus": needs a number, e.g. | plus: 1 at line 1, column 23');
  });
});

describe('strictness: problems with their place', () => {
  it('an unknown variable names the path and where it starts', async () => {
    const problem = await problemOf('{{ order.totl }}');
    expect(problem).toEqual({ kind: 'unknown_variable', message: 'unknown variable "order.totl" at line 1, column 4', position: { line: 1, col: 4 }, token: 'order.totl' });
    expect((await problemOf('Xin chào,\n  {{ customer.name }}')).message).toBe('unknown variable "customer" at line 2, column 6');
    expect((await problemOf('{% for t in order.tags %}{{ t.nme }}{% endfor %}')).message).toBe('unknown variable "t.nme" at line 1, column 29');
    expect((await problemOf('{{ order.shipping.city }}')).message).toBe('unknown variable "order.shipping" at line 1, column 4');
  });

  it('an unknown filter points at the filter name, in outputs and in tags', async () => {
    expect(await problemOf('{{ order.total | mony }}')).toEqual({ kind: 'unknown_filter', message: 'unknown filter "mony" at line 1, column 18', position: { line: 1, col: 18 }, token: 'mony' });
    expect((await problemOf("{{ 'a | mony' | upcase | mony }}")).message).toBe('unknown filter "mony" at line 1, column 26');
    expect((await problemOf('line one\n{% assign t = order.totalPrice | mony %}')).message).toBe('unknown filter "mony" at line 2, column 34');
  });

  it('a syntax error says what and where', async () => {
    expect(await problemOf('Hi {% iff order.note %}')).toEqual({ kind: 'syntax', message: 'unknown tag "iff" at line 1, column 4', position: { line: 1, col: 4 }, token: 'iff' });
    expect((await problemOf('a\n{% if order.note %}b')).message).toBe('unclosed tag "{% if order.note %}" at line 2, column 1');
    expect((await problemOf('Total: {{ order.totalPrice }')).message).toBe('unclosed output "{{ order.totalPrice }" at line 1, column 8');
    expect((await problemOf('{{ order.name | append: "a" "b" }}')).message).toBe('syntax error: unexpected \'"b"\' at line 1, column 29');
    expect((await problemOf('{% for %}{% endfor %}')).message).toBe('syntax error: illegal tag: {% for %} at line 1, column 1');
    expect((await problemOf('{% include "secrets" %}')).message).toBe('tag "include" is not supported (a template cannot load other files) at line 1, column 1');
  });

  it('check finds syntax and filter problems without data, the same problem render throws', async () => {
    expect(templates.check('{{ order.totl | upcase }} {% if x %}{% endif %}')).toBeNull();
    expect(templates.check('{{ order.total | mony }}')).toEqual(await problemOf('{{ order.total | mony }}'));
    expect(templates.check('{% iff %}')?.kind).toBe('syntax');
  });

  it('checkWith also finds unknown variables against sample data, even a misspelled root under default', async () => {
    expect(await templates.checkWith('{{ order.name }} {{ order.note | default: "-" }}', vndOrder)).toBeNull();
    expect(await templates.checkWith('{{ order.totl }}', vndOrder)).toMatchObject({ kind: 'unknown_variable', position: { line: 1, col: 4 } });
    expect(await templates.checkWith("{{ ordr.note | default: 'none' }}", vndOrder)).toEqual({
      kind: 'unknown_variable',
      message: 'unknown variable "ordr" at line 1, column 4',
      position: { line: 1, col: 4 },
      token: 'ordr',
    });
    expect((await templates.checkWith('{% if false %}{{ custmer.name }}{% endif %}', vndOrder))?.message).toBe('unknown variable "custmer" at line 1, column 18');
    expect(await templates.checkWith('{% assign n = order.name %}{% for t in order.tags %}{{ n }}{{ t }}{{ forloop.index }}{% endfor %}', vndOrder)).toBeNull();
    expect((await templates.checkWith('{{ a | mony }}', vndOrder))?.kind).toBe('unknown_filter');
  });

  it('preview gives the rendered text or the problem', async () => {
    expect(await templates.preview('{{ order.name }}', vndOrder)).toEqual({ ok: true, output: '#1001' });
    expect(await templates.preview('{{ order.nme }}', vndOrder)).toMatchObject({ ok: false, problem: { kind: 'unknown_variable' } });
  });
});

describe('optional fields in strict mode', () => {
  const noNote = { order: { name: '#1003' } };

  it('default and if treat a missing field as missing, not as an error', async () => {
    expect(await render("{{ order.note | default: 'none' }}", noNote)).toBe('none');
    expect(await render('{% if order.note %}note: {{ order.note }}{% else %}no note{% endif %}', noNote)).toBe('no note');
    expect(await render('{% unless order.note %}no note{% endunless %}', noNote)).toBe('no note');
    expect(await render("{% if order.note != blank and order.name %}x{% elsif order.gift %}gift{% else %}plain{% endif %}", noNote)).toBe('plain');
    expect(await render("{{ order.note | default: 'none' }}", { order: { note: 'Giao giờ hành chính' } })).toBe('Giao giờ hành chính');
  });

  it('a field present as null renders empty; a missing one used bare is an error', async () => {
    expect(await render('[{{ order.note }}]')).toBe('[]');
    expect((await problemOf('Note: {{ order.note }}', noNote)).message).toBe('unknown variable "order.note" at line 1, column 10');
    // only a leading `default` is lenient, as liquidjs' lenientIf defines it
    expect((await problemOf("{{ order.note | strip | default: 'none' }}", noNote)).kind).toBe('unknown_variable');
  });
});

describe('never a blank send', () => {
  it('returns an empty rendering as it is, and throws on every problem', async () => {
    expect(await render('{% if order.note %}{{ order.note }}{% endif %}')).toBe('');
    expect(await render('')).toBe('');
    await expect(render('{{ order.nope }}')).rejects.toBeInstanceOf(TemplateError);
    await expect(render('{% for i in (1..100000000) %}x{% endfor %}')).rejects.toMatchObject({ kind: 'runtime', position: { line: 1, col: 1 } });
  });

  it('a TemplateError built from a message alone is a runtime problem without a place', () => {
    const error = new TemplateError('boom');
    expect(error).toMatchObject({ name: 'TemplateError', message: 'boom', kind: 'runtime', position: null, token: null });
  });
});

describe('what the renderer kept from before', () => {
  afterEach(() => vi.restoreAllMocks());

  it('parses a template once and reuses it', async () => {
    const parse = vi.spyOn(Liquid.prototype, 'parse');
    const fresh = createTemplateRenderer();
    expect(await fresh.render('{{ order.name }}', vndOrder)).toBe('#1001');
    expect(await fresh.render('{{ order.name }}', usdOrder)).toBe('#1002');
    expect(fresh.check('{{ order.name }}')).toBeNull();
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('forgets the least recently used template past its cache size', async () => {
    const parse = vi.spyOn(Liquid.prototype, 'parse');
    const small = createTemplateRenderer({ cacheSize: 2 });
    for (const t of ['{{ order.name }}', '{{ order.currency }}', '{{ order.name }}', '{{ order.totalPrice }}', '{{ order.name }}', '{{ order.currency }}']) await small.render(t, vndOrder);
    expect(parse).toHaveBeenCalledTimes(4); // name, currency, totalPrice parsed; currency again after it was evicted
  });

  it('reads own properties only: nothing from prototypes', async () => {
    const data = { order: Object.assign(Object.create({ secret: 'inherited' }), { name: '#1' }) };
    expect(await render('{{ order.name }}', data)).toBe('#1');
    expect((await problemOf('{{ order.secret }}', data)).kind).toBe('unknown_variable');
    expect((await problemOf('{{ order.constructor.name }}')).message).toBe('unknown variable "order.constructor" at line 1, column 4');
    expect(await render('{{ order.tags.first }}/{{ order.tags.last }}')).toBe('vip/cod');
  });

  it('keeps Liquid truthiness: an empty string and 0 are true', async () => {
    expect(await render("{% if v.empty %}t{% else %}f{% endif %}{% if v.zero %}t{% else %}f{% endif %}", { v: { empty: '', zero: 0 } })).toBe('tt');
  });
});

describe('a runaway template', () => {
  it('is stopped with an error instead of holding the engine', async () => {
    const renderer = createTemplateRenderer();
    await expect(renderer.render('{% for i in (1..100000000) %}{{ i }}{% endfor %}', {})).rejects.toThrow(TemplateError);
  });
});
