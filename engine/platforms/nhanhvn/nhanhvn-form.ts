/**
 * Reads a form body (multipart/form-data or application/x-www-form-urlencoded) from the raw
 * bytes, synchronously, text fields only: what Nhanh.vn's API v1 webhooks send (PHP cURL
 * with an array of POSTFIELDS: `storeId`, `data`, `checksum`). A field that appears twice is
 * refused: the checksum must cover the very `data` that gets processed.
 */
export type FormFields = Map<string, string>;

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

export function isFormBody(contentType: string | undefined): boolean {
  const t = (contentType ?? '').toLowerCase();
  return t.startsWith('multipart/form-data') || t.startsWith('application/x-www-form-urlencoded');
}

export function readForm(body: Buffer, contentType: string | undefined): FormFields {
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return readMultipart(body, boundaryOf(contentType ?? ''));
  if (type.startsWith('application/x-www-form-urlencoded')) return readUrlEncoded(body);
  throw new Error(`not a form body (Content-Type ${contentType ?? 'missing'})`);
}

function boundaryOf(contentType: string): string {
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary || boundary.length > 200) throw new Error('multipart body without a boundary');
  return boundary;
}

function add(fields: FormFields, name: string, value: string): void {
  if (fields.has(name)) throw new Error(`form field "${name}" appears twice`);
  fields.set(name, value);
}

function readUrlEncoded(body: Buffer): FormFields {
  const fields: FormFields = new Map();
  for (const [name, value] of new URLSearchParams(body.toString('utf8'))) add(fields, name, value);
  return fields;
}

/** RFC 7578: parts between "--boundary" lines, each with headers, a blank line, the value. */
function readMultipart(body: Buffer, boundary: string): FormFields {
  const fields: FormFields = new Map();
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new Error('multipart body without its boundary line');
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return fields; // "--": the closing delimiter
    while (body[pos] === 0x20 || body[pos] === 0x09) pos++; // transport padding
    if (!body.subarray(pos, pos + 2).equals(CRLF)) throw new Error('malformed multipart boundary line');
    const headerEnd = body.indexOf(HEADER_END, pos);
    if (headerEnd < 0) throw new Error('multipart part without the blank line after its headers');
    const headers = body.subarray(pos + 2, headerEnd).toString('utf8');
    const end = body.indexOf(next, headerEnd + HEADER_END.length);
    if (end < 0) throw new Error('multipart body ends before its closing boundary');
    const name = /^content-disposition:[^\r\n]*?;\s*name=(?:"([^"]*)"|([^;\s]+))/im.exec(headers);
    if (!name) throw new Error('multipart part without a Content-Disposition name');
    add(fields, name[1] ?? name[2] ?? '', body.subarray(headerEnd + HEADER_END.length, end).toString('utf8'));
    pos = end + CRLF.length;
  }
}
