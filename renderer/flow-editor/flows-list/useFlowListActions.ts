import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowSummaryDto } from '../../../engine/contract/index.ts';
import { toApiError } from '../../api/api-error.ts';
import { useApiClient } from '../../api/useApiClient.ts';

export interface FlowListActions {
  rename: (flow: FlowSummaryDto, name: string) => Promise<void>;
  duplicate: (flow: FlowSummaryDto) => Promise<void>;
  remove: (flow: FlowSummaryDto) => Promise<void>;
  setActive: (flow: FlowSummaryDto, active: boolean) => Promise<void>;
}

/**
 * What the flows list does to a flow. Renaming saves a new version with the new name (the name
 * is part of the document); duplicating saves the latest version as a new flow, turned off.
 * Each reports failure through `onError` and reloads the list through `onDone`.
 */
export function useFlowListActions(onDone: () => void, onError: (message: string) => void): FlowListActions {
  const client = useApiClient();
  const { t } = useTranslation('flows');
  return useMemo(() => {
    async function attempt(work: () => Promise<unknown>) {
      try {
        await work();
      } catch (error) {
        const e = toApiError(error);
        onError(e.code === 'invalid_flow' ? t('errors.invalid', { message: e.message }) : e.message);
      } finally {
        onDone();
      }
    }
    return {
      rename: (flow, name) =>
        attempt(async () => {
          const detail = await client.call('flows.get', { id: flow.id });
          await client.call('flows.save', { id: flow.id, expectedVersion: detail.version, document: { ...detail.document, name } });
        }),
      duplicate: (flow) =>
        attempt(async () => {
          const detail = await client.call('flows.get', { id: flow.id });
          await client.call('flows.save', { document: { ...detail.document, name: t('copyName', { name: detail.document.name }).slice(0, 200) } });
        }),
      remove: (flow) => attempt(() => client.call('flows.delete', { id: flow.id })),
      setActive: (flow, active) =>
        attempt(() => (active ? client.call('flows.activate', { id: flow.id }) : client.call('flows.deactivate', { id: flow.id }))),
    };
  }, [client, onDone, onError, t]);
}
