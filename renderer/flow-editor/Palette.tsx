import './palette.css';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useId, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeSpecDto } from '../../engine/contract/index.ts';
import { fold, paletteGroups, type PaletteEntry } from '../canvas/core/palette.ts';
import { placeNext } from '../canvas/core/placement.ts';
import { NodeIcon } from '../canvas/NodeIcon.tsx';
import { paletteMime } from '../canvas/palette-drag.ts';
import { useSpecWords } from '../canvas/useSpecWords.ts';
import { writeSupportOf } from '../canvas/core/write-support.ts';
import { writeSupportDetail, writeSupportLine } from '../canvas/write-support-words.ts';
import { focusNode } from './connect/focus-node.ts';
import { CollapseButton } from './layout/CollapseButton.tsx';
import { useFlowEditor, useFlowEditorStore } from './store/flow-editor-context.ts';

/** The palette's element id, for its collapse button (one editor at a time). */
export const paletteId = 'flow-palette';

/**
 * The steps one can add, from `nodes.list`: searchable, grouped Triggers / Conditions /
 * Actions. Drag one onto the canvas, or press Enter on it to add it under the selected step.
 */
export function Palette() {
  const { t } = useTranslation('editor');
  const words = useSpecWords();
  const specs = useFlowEditor((s) => s.specs);
  const [query, setQuery] = useState('');
  const groups = useMemo(
    () => paletteGroups([...specs.values()], query, (spec) => ({ label: words.label(spec), description: words.description(spec) })),
    [specs, query, words],
  );
  const searchId = useId();
  const addStep = useAddStep();
  const open = useFlowEditor((s) => s.paletteOpen);
  const setLayout = useFlowEditor((s) => s.setLayout);
  const toggle = (
    <CollapseButton
      side="left"
      open={open}
      label={t('palette.label')}
      hint={open ? t('layout.hidePalette') : t('layout.showPalette')}
      controls={paletteId}
      onToggle={() => setLayout('paletteOpen', !open)}
    />
  );

  if (!open) {
    return (
      <aside id={paletteId} className="palette is-collapsed" aria-label={t('palette.label')}>
        {toggle}
      </aside>
    );
  }
  return (
    <aside id={paletteId} className="palette" aria-label={t('palette.label')}>
      <div className="palette-search">
        {toggle}
        <label htmlFor={searchId} className="fe-sr-only">
          {t('palette.search')}
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          placeholder={t('palette.searchPlaceholder')}
          aria-keyshortcuts="/"
          aria-describedby={`${searchId}-enter`}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || query.trim() === '') return;
            e.preventDefault();
            const entry = bestMatch(groups, query);
            const id = entry ? addStep(entry.spec) : null;
            // The new step takes the focus, so that C connects it and E opens its settings.
            if (id) requestAnimationFrame(() => focusNode(id));
          }}
        />
        <span id={`${searchId}-enter`} className="fe-sr-only">
          {t('palette.enterAdds')}
        </span>
      </div>
      <div className="palette-groups">
        {groups.length === 0 ? <p className="palette-empty">{t('palette.nothing', { query })}</p> : null}
        {groups.map((group) => (
          <section key={group.category} className="palette-group" aria-labelledby={`${searchId}-${group.category}`}>
            <h2 id={`${searchId}-${group.category}`}>{t(`palette.groups.${group.category}`)}</h2>
            <ul>
              {group.entries.map((entry) => (
                <PaletteItem key={entry.spec.type} entry={entry} />
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p className="palette-hint">{t('palette.hint')}</p>
    </aside>
  );
}

/** Adds a step of a type: under the selected one (or near the top of the view on an empty canvas), selected. */
function useAddStep(): (spec: NodeSpecDto) => string | null {
  const store = useFlowEditorStore();
  const { fitView } = useReactFlow();
  const flow = useStoreApi();
  return (spec) => {
    // On an empty canvas: centred, near the top of what is in view.
    const { width, transform } = flow.getState();
    const [x, y, zoom] = transform;
    const top = { x: Math.round((width / 2 - x) / zoom - 120), y: Math.round((80 - y) / zoom) };
    const at = placeNext(store.getState().nodes, top);
    const id = store.getState().addNode(spec.type, at);
    if (id) requestAnimationFrame(() => void fitView({ maxZoom: 1, padding: 0.25, duration: 200 }));
    return id;
  };
}

/** What Enter in the search adds: the step named exactly as typed, else the first one shown. */
function bestMatch(groups: readonly { entries: readonly PaletteEntry[] }[], query: string): PaletteEntry | undefined {
  const all = groups.flatMap((g) => g.entries);
  const typed = fold(query.trim());
  return all.find((e) => fold(e.label) === typed) ?? all[0];
}

function PaletteItem({ entry }: { entry: PaletteEntry }) {
  const { t } = useTranslation('write-back');
  const add = useAddStep();
  const descriptionId = useId();
  const supportId = useId();
  const spec: NodeSpecDto = entry.spec;
  // A step that changes the order on its platform says where it can (the rest is in its tooltip).
  const support = writeSupportOf(spec);

  function onDragStart(e: DragEvent) {
    e.dataTransfer.setData(paletteMime, spec.type);
    e.dataTransfer.effectAllowed = 'copy';
  }

  return (
    <li>
      <button
        type="button"
        className={`palette-item palette-${spec.category}`}
        draggable
        onDragStart={onDragStart}
        onClick={() => void add(spec)}
        aria-label={entry.label}
        aria-describedby={support ? `${descriptionId} ${supportId}` : descriptionId}
        title={support ? writeSupportDetail(t, support) : undefined}
      >
        <span className="palette-icon">
          <NodeIcon icon={spec.icon} connector={spec.connector} category={spec.category} />
        </span>
        <span className="palette-text">
          <span className="palette-label">{entry.label}</span>
          <span className="palette-description" id={descriptionId}>
            {entry.description}
          </span>
          {support ? (
            <span className="palette-platforms" id={supportId}>
              {writeSupportLine(t, support)}
            </span>
          ) : null}
        </span>
      </button>
    </li>
  );
}
