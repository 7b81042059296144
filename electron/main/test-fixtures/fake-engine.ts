// A stand-in engine for engine-host.test.ts, forked with child_process: it speaks the entry's
// protocol (ready, reply, event) and can be told to crash, to never answer, or to restart.
const send = (message: unknown): void => {
  process.send?.(message);
};

process.on('message', (raw: unknown) => {
  const m = raw as { type?: string; id?: number; method?: string; args?: unknown };
  if (m.type === 'shutdown') process.exit(0);
  if (m.type !== 'invoke') return;
  if (m.method === 'test.crash') {
    process.stderr.write('Error: told to crash\n');
    process.exit(3);
  }
  if (m.method === 'test.hang') return;
  if (m.method === 'test.restart') {
    // As the engine after a restore: answer, then exit asking to be started again.
    send({ type: 'reply', id: m.id, reply: { ok: true, result: null } });
    setTimeout(() => process.exit(75), 10);
    return;
  }
  if (m.method === 'test.emit') send({ type: 'event', event: 'order.changed', payload: m.args });
  send({ type: 'reply', id: m.id, reply: { ok: true, result: { method: m.method, args: m.args } } });
});
process.once('SIGTERM', () => process.exit(0));

setTimeout(() => send({ type: 'ready', apiUrl: 'http://127.0.0.1:1', webhookBaseUrl: 'http://127.0.0.1:2' }), 50);
