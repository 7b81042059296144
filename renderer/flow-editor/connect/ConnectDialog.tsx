import './connect.css';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/shallow';
import { connectTargets, sourcePorts } from '../../canvas/core/connect-choices.ts';
import { toFlowEdge } from '../../canvas/document-mapping.ts';
import { useSpecWords } from '../../canvas/useSpecWords.ts';
import { fold } from '../template/template-text.ts';
import { useFlowEditor, useFlowEditorStore } from '../store/flow-editor-context.ts';
import { focusNode } from './focus-node.ts';

interface Row {
  key: string;
  name: string;
  detail: string;
  pick: () => void;
}

/** "Connect…" for the step it was opened on (the `C` key, or the side panel's button). */
export function ConnectDialog() {
  const sourceId = useFlowEditor((s) => s.connecting?.nodeId ?? null);
  return sourceId ? <ConnectChooser key={sourceId} sourceId={sourceId} /> : null;
}

/**
 * A modal list, keyboard first: the source's outputs (skipped when it has one), then the steps
 * a connection from that output may go to, by name and type, those below it first. Typing
 * filters, the arrows move, Enter connects; the step connected to is then selected and focused,
 * so `C` goes on from there. Escape goes back to where the focus was.
 */
function ConnectChooser({ sourceId }: { sourceId: string }) {
  const { t } = useTranslation('editor');
  const words = useSpecWords();
  const store = useFlowEditorStore();
  const { nodes, edges, specs } = useFlowEditor(useShallow((s) => ({ nodes: s.nodes, edges: s.edges, specs: s.specs })));
  const dialog = useRef<HTMLDialogElement>(null);
  const before = useRef<Element | null>(document.activeElement);
  const id = useId();
  const source = nodes.find((n) => n.id === sourceId);
  const sourceSpec = source ? specs.get(source.data.type) : undefined;
  const sourceName = source ? source.data.label || (sourceSpec ? words.label(sourceSpec) : source.data.type) : '';
  const ports = useMemo(() => sourcePorts(source ? { id: source.id, type: source.data.type, y: source.position.y } : undefined, specs), [source, specs]);
  const [port, setPort] = useState<string | null>(ports.length === 1 ? ports[0]!.id : null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  function close(focus: 'back' | string) {
    store.getState().setConnecting(null);
    if (focus === 'back') {
      const el = before.current;
      requestAnimationFrame(() => (el instanceof HTMLElement && el.isConnected ? el.focus() : focusNode(sourceId)));
    } else requestAnimationFrame(() => focusNode(focus));
  }

  const rows: Row[] = useMemo(() => {
    if (port === null) {
      return ports.map((p) => ({ key: p.id, name: words.port(p), detail: t('connect.output'), pick: () => choosePort(p.id) }));
    }
    const flowNodes = nodes.map((n) => ({ id: n.id, type: n.data.type, label: n.data.label, y: n.position.y }));
    return connectTargets(sourceId, port, flowNodes, edges.map(toFlowEdge), specs, (n, spec) => n.label || words.label(spec)).map((target) => ({
      key: `${target.nodeId}:${target.targetPort}`,
      name: target.name,
      detail: [words.category(target.spec.category), words.label(target.spec), target.input ? words.port(target.input) : ''].filter((x, i, all) => x && all.indexOf(x) === i).join(' · '),
      pick: () => {
        const s = store.getState();
        if (s.connect({ source: sourceId, sourceHandle: port, target: target.nodeId, targetHandle: target.targetPort })) s.select(target.nodeId);
        close(target.nodeId);
      },
    }));
  }, [port, ports, nodes, edges, specs, sourceId, words, t]);

  const matches = useMemo(() => {
    const terms = fold(query).split(/\s+/).filter(Boolean);
    return rows.filter((r) => terms.every((term) => fold(`${r.name} ${r.detail}`).includes(term)));
  }, [rows, query]);
  const current = Math.min(active, Math.max(0, matches.length - 1));
  const shown = matches[current];

  // The output and the step the list is on are marked on the canvas.
  useEffect(() => {
    const target = port !== null && shown ? shown.key.split(':')[0]! : null;
    store.getState().setConnecting({ nodeId: sourceId, port: port ?? shown?.key ?? null, target });
  }, [store, sourceId, port, shown]);

  function choosePort(portId: string | null) {
    setPort(portId);
    setQuery('');
    setActive(0);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + matches.length) % Math.max(1, matches.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      shown?.pick();
    } else if (e.key === 'Backspace' && query === '' && port !== null && ports.length > 1) {
      e.preventDefault();
      choosePort(null);
    }
  }

  const portName = port !== null ? ports.find((p) => p.id === port) : undefined;
  const title = port === null
    ? t('connect.choosePort', { node: sourceName })
    : t('connect.chooseTarget', { node: sourceName, port: ports.length > 1 && portName ? ` (${words.port(portName)})` : '' });
  const optionId = (i: number) => `${id}-option-${i}`;

  return (
    <dialog
      ref={dialog}
      className="connect-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        close('back');
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <input
        type="search"
        role="combobox"
        aria-label={port === null ? t('connect.searchPorts') : t('connect.searchSteps')}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={shown ? optionId(current) : undefined}
        placeholder={t('connect.placeholder')}
        value={query}
        autoFocus
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {matches.length === 0 ? <p className="connect-none">{rows.length === 0 ? t('connect.noTargets') : t('connect.noMatch')}</p> : null}
      <ul id={`${id}-list`} role="listbox" aria-label={title} className="connect-list">
        {matches.map((row, i) => (
          <li
            key={row.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'is-active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== current && setActive(i)}
            onClick={row.pick}
          >
            <span className="connect-name">{row.name}</span>
            <span className="connect-detail">{row.detail}</span>
          </li>
        ))}
      </ul>
      <p className="connect-keys">{t('connect.keys')}</p>
      <div className="connect-actions">
        {port !== null && ports.length > 1 ? (
          <button type="button" onClick={() => choosePort(null)}>
            {t('connect.back')}
          </button>
        ) : null}
        <button type="button" onClick={() => close('back')}>
          {t('connect.cancel')}
        </button>
      </div>
    </dialog>
  );
}
