import { useCallback, useRef } from 'react';
import type { FlowDocument, FlowVersionDto } from '../../../engine/contract/index.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { useApiQuery, type ApiQuery } from '../../app/useApiQuery.ts';

export interface VersionHistory {
  list: ApiQuery<FlowVersionDto[]>;
  /** A saved version's document; versions never change, so each is fetched once. */
  document: (version: number) => Promise<FlowDocument>;
}

/**
 * The open flow's versions, loaded again whenever the canvas is saved, restored or turned
 * on/off (`refreshKey` changes then) and when a run finishes (run counts).
 */
export function useVersionHistory(flowId: string, refreshKey: string): VersionHistory {
  const client = useApiClient();
  const load = useCallback(
    () => client.call('flows.versions', { id: flowId }),
    // refreshKey is a reason to load again, not an input.
    [client, flowId, refreshKey],
  );
  const list = useApiQuery(load, ['run.finished']);
  const documents = useRef(new Map<string, Promise<FlowDocument>>());
  const document = useCallback(
    (version: number) => {
      const key = `${flowId}@${version}`;
      let doc = documents.current.get(key);
      if (!doc) {
        doc = client.call('flows.get', { id: flowId, version }).then((d) => d.document);
        // A failed fetch is not remembered: the next try asks again.
        doc.catch(() => documents.current.delete(key));
        documents.current.set(key, doc);
      }
      return doc;
    },
    [client, flowId],
  );
  return { list, document };
}
