import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FlowFile } from '../../../engine/contract/index.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { pageHref } from '../../app/routes.ts';
import { newFlowId } from '../new-flow.ts';
import { handOff } from '../store-handoff.ts';
import { createFlowEditorStore } from '../store/create-flow-editor-store.ts';

/**
 * Opens an exported flow file in the editor as a new, unsaved flow: the user sees it, its
 * problems if it has any, and saves it when it is right. A file that is not a flow file is
 * refused here with what is wrong.
 */
export function OpenFlowFile({ onError }: { onError: (message: string | null) => void }) {
  const { t } = useTranslation('flows');
  const client = useApiClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function open(file: File) {
    onError(null);
    setBusy(true);
    try {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch (error) {
        onError(t('openFile.notJson', { name: file.name, message: (error as Error).message }));
        return;
      }
      const parsed = FlowFile.safeParse(json);
      if (!parsed.success) {
        onError(t('openFile.notFlow', { name: file.name, message: z.prettifyError(parsed.error) }));
        return;
      }
      const specs = await client.call('nodes.list', {});
      handOff(newFlowId, createFlowEditorStore({ specs, imported: parsed.data.flow }));
      window.location.hash = pageHref('flows', newFlowId);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <>
      <button type="button" className="fe-button" disabled={busy} onClick={() => input.current?.click()}>
        {t('openFile.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label={t('openFile.label')}
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void open(file);
        }}
      />
    </>
  );
}
