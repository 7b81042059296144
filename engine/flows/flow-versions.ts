import { createHash } from 'node:crypto';
import type { FlowDocument, FlowVersionDto, FlowVersionsDiffDto } from '../contract/index.ts';
import { canonicalJson, diffFlows } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import { EngineError } from '../shared/errors.ts';

/** sha256 (hex) of the document's canonical JSON: the same steps, settings and layout, the same hash. */
export function versionHash(doc: FlowDocument): string {
  return createHash('sha256').update(canonicalJson(doc)).digest('hex');
}

/**
 * A flow's history: hashes, the version list, diffs. Versions saved before hashes were kept
 * (migration 0008) are hashed here the first time they are needed and the hash is stored: a
 * lazy backfill, so opening a big old database costs nothing at start.
 */
export function createFlowHistory(repos: Repositories) {
  function document(id: string, version: number): FlowDocument {
    const doc = repos.flows.getVersion(id, version);
    if (!doc) throw new EngineError('not_found', `flow ${id} has no version ${version}`);
    return doc;
  }

  return {
    document,

    /** A version's hash, computed and stored if it has none yet. */
    hashOf(id: string, version: number): string {
      const stored = repos.flows.getHash(id, version);
      if (stored) return stored;
      const hash = versionHash(document(id, version));
      repos.flows.setHash(id, version, hash);
      return hash;
    },

    versions(id: string, activeVersion: number | null, latestVersion: number): FlowVersionDto[] {
      const missing = repos.flows.unhashed(id);
      if (missing.length > 0) {
        repos.tx(() => {
          for (const v of missing) repos.flows.setHash(id, v.version, versionHash(v.document));
        });
      }
      return repos.flows.history(id).map((v) => ({
        version: v.version,
        hash: v.hash ?? '',
        createdAt: v.createdAt,
        active: v.version === activeVersion,
        latest: v.version === latestVersion,
        nodes: v.nodes,
        runs: v.runs,
      }));
    },

    diff(id: string, from: number, to: number): FlowVersionsDiffDto {
      return { from, to, ...diffFlows(document(id, from), document(id, to)) };
    },
  };
}
export type FlowHistory = ReturnType<typeof createFlowHistory>;
