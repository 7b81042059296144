// The layering rules of ARCHITECTURE.md, as errors. `npm run layers` runs them; so does `npm test`.
// Layers: engine/contract (zod only) ← engine (node) ; renderer (browser) → engine/contract ;
// electron (main/preload) → engine/contract. DOM types are kept out of engine/ by its tsconfig
// (lib without "dom"), so a DOM global there fails the type-check.
const uiPackages = '(react|react-dom|@xyflow/react|zustand|i18next|react-i18next)($|/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contract-is-pure',
      comment: 'engine/contract is zod and TypeScript only: no node:* built-ins, no other package, nothing outside the contract.',
      severity: 'error',
      from: { path: '^engine/contract/' },
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
