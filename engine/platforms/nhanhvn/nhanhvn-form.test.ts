import { describe, expect, it } from 'vitest';
import { isFormBody, readForm } from './nhanhvn-form.ts';

const boundary = '------------------------d74496d66958873e';
const type = `multipart/form-data; boundary=${boundary}`;
const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

describe('the Nhanh.vn form reader', () => {
  it('reads multipart text fields byte for byte, UTF-8 and line breaks included', () => {
    const data = '{"id":"WEB-1","note":"Giao giờ hành chính\\r\\n","x":"--not a boundary"}';
    const body = Buffer.from(`${part('storeId', '77')}${part('data', data)}${part('checksum', 'abc')}--${boundary}--\r\n`);
    const fields = readForm(body, type);
    expect([...fields.entries()]).toEqual([['storeId', '77'], ['data', data], ['checksum', 'abc']]);
  });

  it('accepts a quoted boundary, a preamble and an empty value', () => {
    const body = Buffer.from(`preamble\r\n${part('a', '')}${part('b', 'line1\r\nline2')}--${boundary}--`);
    const fields = readForm(body, `multipart/form-data; boundary="${boundary}"`);
    expect(fields.get('a')).toBe('');
    expect(fields.get('b')).toBe('line1\r\nline2');
  });

  it('reads urlencoded forms', () => {
    const fields = readForm(Buffer.from('data=%7B%22id%22%3A1%7D&checksum=ab+cd'), 'application/x-www-form-urlencoded');
    expect(fields.get('data')).toBe('{"id":1}');
    expect(fields.get('checksum')).toBe('ab cd');
  });

  it('refuses what it cannot read safely', () => {
    expect(() => readForm(Buffer.from(`${part('data', '1')}${part('data', '2')}--${boundary}--`), type)).toThrow(/appears twice/);
    expect(() => readForm(Buffer.from('data=1&data=2'), 'application/x-www-form-urlencoded')).toThrow(/appears twice/);
    expect(() => readForm(Buffer.from(part('data', 'x')), type)).toThrow(/closing boundary/);
    expect(() => readForm(Buffer.from('x'), 'multipart/form-data')).toThrow(/boundary/);
    expect(() => readForm(Buffer.from(`--${boundary}\r\nX-Other: 1\r\n\r\nv\r\n--${boundary}--`), type)).toThrow(/Content-Disposition/);
    expect(() => readForm(Buffer.from('{}'), 'application/json')).toThrow(/not a form/);
  });

  it('tells form bodies from JSON', () => {
    expect(isFormBody(type)).toBe(true);
    expect(isFormBody('application/x-www-form-urlencoded; charset=UTF-8')).toBe(true);
    expect(isFormBody('application/json')).toBe(false);
    expect(isFormBody(undefined)).toBe(false);
  });
});
