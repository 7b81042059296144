import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sse-parser.ts';

function parse(chunks: string[]): SseMessage[] {
  const messages: SseMessage[] = [];
  const parser = createSseParser((m) => messages.push(m));
  for (const chunk of chunks) parser.push(chunk);
  return messages;
}

describe('createSseParser', () => {
  it('reads named events and skips comments', () => {
    const messages = parse([': connected\n\nevent: order.changed\ndata: {"id":"o1"}\n\n: ping\n\n']);
    expect(messages).toEqual([{ event: 'order.changed', data: '{"id":"o1"}', id: null }]);
  });

  it('joins data lines and defaults the event name to message', () => {
    expect(parse(['data: a\ndata:b\n\n'])).toEqual([{ event: 'message', data: 'a\nb', id: null }]);
  });

  it('assembles messages split anywhere, CRLF split across chunks included', () => {
    const text = 'event: delivery.received\r\ndata: {"id":1}\r\n\r\nid: 7\revent: x\rdata: 2\r\r\n';
    const whole = parse([text]);
    expect(whole).toEqual([
      { event: 'delivery.received', data: '{"id":1}', id: null },
      { event: 'x', data: '2', id: '7' },
    ]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    expect(parse([...text])).toEqual(whole);
  });

  it('does not dispatch a message until its blank line arrives', () => {
    expect(parse(['event: a\ndata: 1\n'])).toEqual([]);
  });
});
