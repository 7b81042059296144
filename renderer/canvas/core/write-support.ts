import { Platform, writeBackSupport, type NodeSpecDto, type WriteAction } from '../../../engine/contract/index.ts';

/** Which store platforms can do a step's write-back, by how (store-api.ts `writeBackSupport`). */
export interface WriteSupportView {
  action: WriteAction;
  /** "Add order tag": keeps its change in Flowdesk, and writes back only when the connection has write-back on. */
  optional: boolean;
  direct: Platform[];
  workaround: Platform[];
}

/** The step's write-back and the platforms that can do it, or null for a step that writes nothing back. */
export function writeSupportOf(spec: Pick<NodeSpecDto, 'writes' | 'writesOptionally' | 'requiresPlatform'>): WriteSupportView | null {
  const action = spec.writes ?? spec.writesOptionally;
  if (!action) return null;
  const platforms = Platform.options.filter((p) => !spec.requiresPlatform || p === spec.requiresPlatform);
  return {
    action,
    optional: spec.writes === undefined,
    direct: platforms.filter((p) => writeBackSupport[p][action] === 'yes'),
    workaround: platforms.filter((p) => writeBackSupport[p][action] === 'workaround'),
  };
}
