import './versions.css';
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffFlows, type FlowDiff, type FlowDocument, type FlowVersionDto } from '../../../engine/contract/index.ts';
import { toApiError } from '../../api/api-error.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { toDocument } from '../../canvas/document-mapping.ts';
import { useFlowEditor, useFlowEditorStore } from '../store/flow-editor-context.ts';
import { useDirty } from '../useDirty.ts';
import { DiffView } from './DiffView.tsx';
import { needWords } from './diff-words.ts';
import { downloadFlowFile, flowFileName } from './download-file.ts';
import { RestoreDialog } from './RestoreDialog.tsx';
import { useDiffVocabulary } from './useDiffVocabulary.ts';
import { useVersionHistory } from './useVersionHistory.ts';
import { VersionList } from './VersionList.tsx';

interface Shown {
  title: string;
  before: FlowDocument;
  after: FlowDocument;
  diff: FlowDiff;
}

type Message = { tone: 'good' | 'bad'; text: string };

/** The flow's versions: its history, a diff of any two (or of the draft), restore and export. */
export function VersionsPanel() {
  const { t } = useTranslation('versions');
  const flowId = useFlowEditor((s) => s.flowId);
  if (!flowId) return <p className="panel-empty">{t('notSaved')}</p>;
  return <History key={flowId} flowId={flowId} />;
}

function History({ flowId }: { flowId: string }) {
  const { t } = useTranslation('versions');
  const client = useApiClient();
  const store = useFlowEditorStore();
  const version = useFlowEditor((s) => s.version);
  const activeVersion = useFlowEditor((s) => s.activeVersion);
  const dirty = useDirty();
  const w = useDiffVocabulary();
  const { fitView } = useReactFlow();
  const history = useVersionHistory(flowId, `${version}:${activeVersion}`);
  const [picked, setPicked] = useState<number[]>([]);
  const [shown, setShown] = useState<Shown | null>(null);
  const [comparing, setComparing] = useState(false);
  const [restoring, setRestoring] = useState<FlowVersionDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const diffRef = useRef<HTMLDivElement>(null);
  const versions = history.list.data ?? [];
  const latest = versions.find((v) => v.latest);

  // A diff asked for from further down the list is brought into view.
  useEffect(() => {
    if (shown) diffRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [shown]);

  const fail = (error: unknown) => setMessage({ tone: 'bad', text: t('done.failed', { message: toApiError(error).message }) });

  async function show(title: string, before: Promise<FlowDocument>, after: Promise<FlowDocument> | FlowDocument) {
    setComparing(true);
    try {
      const [b, a] = await Promise.all([before, after]);
      setShown({ title, before: b, after: a, diff: diffFlows(b, a) });
    } catch (error) {
      fail(error);
    } finally {
      setComparing(false);
    }
  }

  function pick(v: number, on: boolean) {
    // Two at most: ticking a third lets go of the first one ticked.
    const next = on ? [...picked.filter((x) => x !== v), v].slice(-2) : picked.filter((x) => x !== v);
    setPicked(next);
    if (next.length < 2) return setShown(null);
    const [from, to] = [Math.min(...next), Math.max(...next)];
    void show(t('diff.title', { from, to }), history.document(from), history.document(to));
  }

  function compareDraft() {
    const s = store.getState();
    if (s.version === null) return;
    setPicked([]);
    void show(t('draft.title', { version: s.version }), history.document(s.version), toDocument(s));
  }

  async function restore(v: FlowVersionDto) {
    setRestoring(null);
    setBusy(true);
    setMessage(null);
    try {
      const detail = await client.call('flows.rollback', { id: flowId, version: v.version });
      store.getState().load(detail);
      // The restored steps may sit elsewhere: show them all once they are drawn.
      requestAnimationFrame(() => void fitView({ maxZoom: 1, duration: 200 }));
      setPicked([]);
      setShown(null);
      const key = detail.activeVersion === detail.version ? 'done.restoredActive' : 'done.restored';
      setMessage({ tone: 'good', text: t(key, { from: v.version, to: detail.version }) });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function exportVersion(v: FlowVersionDto) {
    setMessage(null);
    try {
      const file = await client.call('flows.export', { id: flowId, version: v.version });
      const name = flowFileName(file.flow.name, v.version);
      downloadFlowFile(file, name);
      const needs = file.needs ?? [];
      const words = {
        header: (header: string, step: string) => t('done.header', { header, step }),
        field: (field: string, step: string) => t('done.field', { field, step }),
      };
      const left = needs.length > 0 ? ` ${t('done.needs', { count: needs.length, fields: needs.map((n) => needWords(n, file.flow, w, words)).join('; ') })}` : '';
      setMessage({ tone: 'good', text: t('done.exported', { version: v.version, file: name }) + left });
    } catch (error) {
      fail(error);
    }
  }

  return (
    <div className="versions-panel">
      <div className="versions-draft">
        <button type="button" onClick={compareDraft} disabled={!dirty || version === null || comparing}>
          {t('draft.compare')}
        </button>
        {!dirty ? <p className="muted">{t('draft.clean')}</p> : null}
      </div>
      {message ? (
        <div className={`version-message version-message-${message.tone}`} role={message.tone === 'bad' ? 'alert' : 'status'}>
          <span>{message.text}</span>
          <button type="button" className="fe-link" onClick={() => setMessage(null)} aria-label={t('done.dismiss')}>
            ×
          </button>
        </div>
      ) : null}
      <div ref={diffRef}>
        {shown ? (
          <DiffView
            title={shown.title}
            diff={shown.diff}
            before={shown.before}
            after={shown.after}
            onClose={() => {
              setShown(null);
              setPicked([]);
            }}
          />
        ) : comparing ? (
          <p className="muted">{t('diff.loading')}</p>
        ) : null}
      </div>
      <h3 className="versions-heading">{t('label')}</h3>
      {history.list.error ? (
        <div className="version-message version-message-bad" role="alert">
          <span>{t('loadFailed', { message: history.list.error.message })}</span>
          <button type="button" className="fe-link" onClick={history.list.reload}>
            {t('retry')}
          </button>
        </div>
      ) : history.list.loading && versions.length === 0 ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <>
          {versions.length > 1 ? <p className="muted">{t('pickHelp')}</p> : null}
          <VersionList versions={versions} latestHash={latest?.hash ?? null} picked={picked} onPick={pick} onRestore={setRestoring} onExport={(v) => void exportVersion(v)} busy={busy} />
        </>
      )}
      {restoring ? (
        <RestoreDialog
          version={restoring.version}
          next={(latest?.version ?? restoring.version) + 1}
          active={activeVersion}
          unsaved={dirty}
          onRestore={() => void restore(restoring)}
          onClose={() => setRestoring(null)}
        />
      ) : null}
    </div>
  );
}
