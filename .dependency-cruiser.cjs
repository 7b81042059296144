// The layering rules of ARCHITECTURE.md, as errors. `npm run layers` runs them; so does `npm test`.
// Layers: engine/contract (zod only) ← engine (node) ; renderer (browser) → engine/contract ;
// electron (main/preload) → engine/contract. DOM types are kept out of engine/ by its tsconfig
// (lib without "dom"), so a DOM global there fails the type-check.
const uiPackages = '(react|react-dom|@xyflow/react|zustand|i18next|react-i18next)($|/)';

// The engine's rooms, from the top down (ARCHITECTURE.md "Engine inside"): an import only ever
// points down this list, or into contract/ and shared/ at the bottom. The composition root and
// its thin hosts (cli/, host/) sit above all of them.
const engineRooms = ['webhooks', 'processing', 'api', 'executor', 'connectors', 'domain', 'flows', 'queue', 'nodes', 'platforms', 'storage'];
const roomRules = engineRooms.slice(1).map((room, i) => ({
  name: `engine-${room}-imports-down`,
  comment: `engine/${room}/ is below ${engineRooms.slice(0, i + 1).join(', ')} and the hosts: it may not import them.`,
  severity: 'error',
  from: { path: `^engine/${room}/`, pathNot: '\\.test\\.ts$' },
  to: { path: [`^engine/(${engineRooms.slice(0, i + 1).join('|')}|cli|host)/`, '^engine/create-engine[a-z-]*\\.ts$'] },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...roomRules,
    {
      name: 'engine-root-below-hosts',
      comment: 'The composition root is built by its hosts (cli/, host/); it never imports them.',
      severity: 'error',
      from: { path: '^engine/create-engine[a-z-]*\\.ts$' },
      to: { path: '^engine/(cli|host)/' },
    },
    {
      name: 'engine-webhooks-imports-down',
      comment: 'engine/webhooks/ is the top room: it may not import the composition root or the hosts.',
      severity: 'error',
      from: { path: '^engine/webhooks/', pathNot: '\\.test\\.ts$' },
      to: { path: ['^engine/(cli|host)/', '^engine/create-engine[a-z-]*\\.ts$'] },
    },
    {
      name: 'engine-bottom-imports-nothing-above',
      comment: 'engine/contract and engine/shared are the floor: they import no room of the engine.',
      severity: 'error',
      from: { path: '^engine/(contract|shared)/', pathNot: '\\.test\\.ts$' },
      to: { path: `^engine/(?!contract/|shared/)` },
    },
    {
      name: 'engine-no-loose-rooms',
      comment: 'Every engine file lives in a room the layering knows (or is the composition root).',
      severity: 'error',
      from: { path: '^engine/', pathNot: [`^engine/(${engineRooms.join('|')}|contract|shared|cli|host)/`, '^engine/create-engine[a-z-]*\\.ts$'] },
      to: {},
    },
    {
      name: 'contract-is-pure',
      comment: 'engine/contract is zod and TypeScript only: no node:* built-ins, no other package, nothing outside the contract.',
      severity: 'error',
      from: { path: '^engine/contract/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: ['^engine/contract/', '(^|/)node_modules/zod/'],
      },
    },
    {
      name: 'engine-is-headless',
      comment: 'The engine runs without a window: no electron, no React or other UI packages, no renderer or electron code.',
      severity: 'error',
      from: { path: '^engine/' },
      to: {
        path: ['(^|/)node_modules/electron/', `(^|/)node_modules/${uiPackages}`, '^renderer/', '^electron/'],
      },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs in a browser: no node:* built-ins and no electron.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-only-contract',
      comment: 'The renderer reaches the engine only through engine/contract (and renderer/api at run time).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^engine/(?!contract/)', '^electron/', '(^|/)node_modules/electron/'] },
    },
    {
      name: 'electron-only-contract',
      comment: 'The desktop shell relays; it imports the contract, never engine internals or renderer code.',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: ['^engine/(?!contract/)', '^renderer/'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: ['^dist/', '^test/layering/fixtures/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.base.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
