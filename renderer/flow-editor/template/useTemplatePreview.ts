import { useEffect, useState } from 'react';
import type { TemplateDataSource, TemplateFieldPreview } from '../../../engine/contract/index.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { useDebounced } from '../../orders/useDebounced.ts';
import { usePreviewSource } from './usePreviewSource.ts';

export type PreviewState =
  | { status: 'loading' }
  | { status: 'ready'; source: TemplateDataSource; fields: readonly TemplateFieldPreview[] }
  | { status: 'failed'; message: string };

/** How long typing must pause before the engine renders again. */
const SETTLE_MS = 300;

/**
 * One template param (a text, or a list of them) rendered by the engine over the flow's
 * preview order, again each time typing pauses or the order changes. An answer that arrives
 * after a newer request was made is dropped; `stale` says the answer shown is for an older
 * text or order than the one on screen.
 */
export function useTemplatePreview(nodeType: string, key: string, value: string | readonly string[]): PreviewState & { stale: boolean } {
  const client = useApiClient();
  const { order, event } = usePreviewSource();
  const orderId = order?.id;
  const asked = JSON.stringify([nodeType, key, value, orderId ?? null, event ?? null]);
  const settled = useDebounced(asked, SETTLE_MS);
  const [answer, setAnswer] = useState<{ for: string; state: PreviewState }>({ for: '', state: { status: 'loading' } });

  useEffect(() => {
    let live = true;
    const [type, name, params, id, trigger] = JSON.parse(settled) as [string, string, unknown, string | null, typeof event | null];
    client
      .call('templates.preview', { nodeType: type, params: { [name]: params }, ...(id ? { orderId: id } : {}), ...(trigger ? { event: trigger } : {}) })
      .then((preview) => {
        if (live) setAnswer({ for: settled, state: { status: 'ready', source: preview.source, fields: preview.fields } });
      })
      .catch((error: unknown) => {
        if (live) setAnswer({ for: settled, state: { status: 'failed', message: error instanceof Error ? error.message : String(error) } });
      });
    return () => {
      live = false;
    };
  }, [client, settled]);

  return { ...answer.state, stale: answer.for !== asked };
}
