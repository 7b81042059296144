import { useEffect, useState } from 'react';
import type { TemplateVariablesDto } from '../../../engine/contract/index.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { usePreviewSource } from './usePreviewSource.ts';

export type VariablesState = { status: 'loading' } | { status: 'ready'; result: TemplateVariablesDto } | { status: 'failed'; message: string };

/** The variables a template can name, with values from the flow's preview order; asked for when the picker opens. */
export function useTemplateVariables(): VariablesState {
  const client = useApiClient();
  const { order, event } = usePreviewSource();
  const orderId = order?.id;
  const [state, setState] = useState<VariablesState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    client
      .call('templates.variables', { ...(orderId ? { orderId } : {}), ...(event ? { event } : {}) })
      .then((result) => live && setState({ status: 'ready', result }))
      .catch((error: unknown) => live && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
  }, [client, orderId, event]);
  return state;
}
