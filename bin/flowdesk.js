#!/usr/bin/env node
// The `flowdesk` command. Node 24 runs the TypeScript sources directly (type stripping); the
// import below says so in one line, and exits, on an older Node before any .ts is loaded.
import './require-node.js';

// No top-level await in this file: a Node older than 14.8 cannot parse it, and then the check
// above would never get to run.
async function run() {
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
}

// A failure here is a bug: Node prints it and exits 1, as it would for an uncaught error.
void run();
