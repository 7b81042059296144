// Every entry point runs this before anything else (bin/flowdesk.js imports it first; the npm
// scripts that run a .ts file start with `node bin/require-node.js &&`). Flowdesk's sources are
// TypeScript that Node 24 runs directly; an older Node cannot even load them and would die with
// ERR_UNKNOWN_FILE_EXTENSION, so the version is checked here, in plain JavaScript, and said in
// one line. Keep this file to syntax an old Node parses (no `?.`, `??`, top-level await).

/** The oldest Node major Flowdesk runs on: package.json "engines" says the same. */
export const MIN_NODE_MAJOR = 24;

/**
 * The one line to print when `version` ("20.19.2" or "v20.19.2") is too old, else null.
 * @param {string} version
 * @returns {string | null}
 */
export function nodeVersionProblem(version) {
  const shown = String(version).replace(/^v/, '');
  const major = Number(shown.split('.')[0]);
  if (!(major < MIN_NODE_MAJOR)) return null;
  return (
    `Flowdesk needs Node.js ${MIN_NODE_MAJOR} or newer; this is Node ${shown}. ` +
    `Install Node ${MIN_NODE_MAJOR} LTS (https://nodejs.org), or see "Node 24 on an older machine" in README.md.`
  );
}

// FLOWDESK_FAKE_NODE_VERSION lets the tests play an old Node without having one installed.
const problem = nodeVersionProblem(process.env.FLOWDESK_FAKE_NODE_VERSION || process.versions.node);
if (problem) {
  process.stderr.write(problem + '\n');
  process.exit(1);
}
