import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/useApiClient.ts';
import { pageHref } from '../app/routes.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { FlowEditor } from '../flow-editor/FlowEditor.tsx';
import { newFlowId } from '../flow-editor/new-flow.ts';
import { forgetHandOff, handedOff } from '../flow-editor/store-handoff.ts';
import { createFlowEditorStore } from '../flow-editor/store/create-flow-editor-store.ts';

/** `#/flows/<id>`: the editor on a saved flow's latest version, or on a new flow. */
export function FlowEditorPage({ id }: { id: string }) {
  const { t } = useTranslation('editor');
  const client = useApiClient();
  const [handed] = useState(() => handedOff(id));
  const [newName] = useState(() => t('header.newName'));
  useEffect(() => {
    if (handed) forgetHandOff(id, handed);
  }, [id, handed]);

  const load = useCallback(async () => {
    if (handed) return handed;
    const [specs, detail] = await Promise.all([client.call('nodes.list', {}), id === newFlowId ? null : client.call('flows.get', { id })]);
    return createFlowEditorStore(detail ? { specs, detail } : { specs, newName });
  }, [client, id, handed, newName]);
  const editor = useApiQuery(load);

  if (editor.data) return <FlowEditor store={editor.data} />;
  return (
    <>
      <PageHeader title={t('page.title')} />
      {editor.error ? (
        <div className="notice notice-error" role="alert">
          <p>{editor.error.code === 'not_found' ? t('page.notFound') : t('page.loadFailed', { message: editor.error.message })}</p>
          <a href={pageHref('flows')}>{t('page.backToFlows')}</a>
        </div>
      ) : (
        <p className="notice">{t('page.loading')}</p>
      )}
    </>
  );
}
