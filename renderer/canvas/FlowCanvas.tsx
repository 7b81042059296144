import '@xyflow/react/dist/style.css';
import './canvas.css';
import { Background, BackgroundVariant, ControlButton, Controls, MiniMap, ReactFlow, useReactFlow, type IsValidConnection } from '@xyflow/react';
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/shallow';
import type { NodeCategory } from '../../engine/contract/index.ts';
import { useFlowEditor, useFlowEditorStore } from '../flow-editor/store/flow-editor-context.ts';
import { canConnect } from './core/connection-rules.ts';
import { defaultNodeSize } from './core/placement.ts';
import { toFlowEdge, type CanvasEdge, type CanvasNode } from './document-mapping.ts';
import { edgeTypes, nodeTypes } from './node-types.ts';
import { paletteMime } from './palette-drag.ts';
import { useSpecWords } from './useSpecWords.ts';

const fitViewOptions = { maxZoom: 1, padding: 0.25 };
const deleteKeys = ['Delete', 'Backspace'];
const miniMapSize = { width: 168, height: 112 };

const miniMapColor = (node: CanvasNode) => `var(--fn-${node.className ?? 'action'}-mini, var(--muted))`;

/** The canvas: the document's nodes and edges, editable, or read-only for a run. */
export function FlowCanvas() {
  const { t } = useTranslation('editor');
  const store = useFlowEditorStore();
  const { nodes, edges, readOnly, specs, minimapOpen } = useFlowEditor(
    useShallow((s) => ({ nodes: s.nodes, edges: s.edges, readOnly: s.readOnly, specs: s.specs, minimapOpen: s.minimapOpen })),
  );
  const words = useSpecWords();
  const { screenToFlowPosition } = useReactFlow();
  // Fit a loaded flow into view once; a new flow's first step stays where it was dropped.
  const [fitOnOpen] = useState(() => store.getState().nodes.length > 0);

  // Names for assistive technology (and for tests): "Trigger: Order created", "Condition".
  const titles = useMemo(() => {
    const byId = new Map<string, { title: string; category: string; outputs: number }>();
    for (const n of nodes) {
      const spec = specs.get(n.data.type);
      byId.set(n.id, {
        title: n.data.label || (spec ? words.label(spec) : n.data.type),
        category: spec?.category ?? 'action',
        outputs: spec?.outputs.length ?? 1,
      });
    }
    return byId;
  }, [nodes, specs, words]);
  const named = useMemo(
    () =>
      nodes.map((n) => {
        const { title, category } = titles.get(n.id)!;
        const kind = words.category(category as NodeCategory);
        return { ...n, className: category, ariaLabel: kind === title ? title : `${kind}: ${title}` };
      }),
    [nodes, titles, words],
  );
  const namedEdges = useMemo(
    () =>
      edges.map((e) => {
        const from = titles.get(e.source);
        const to = titles.get(e.target);
        const port = from && from.outputs > 1 ? t(`ports.${e.sourceHandle}`, { defaultValue: e.sourceHandle ?? '' }) : '';
        const ariaLabel = t('canvas.edge', { from: from?.title ?? e.source, to: to?.title ?? e.target, port: port ? ` (${port})` : '' });
        return { ...e, ariaLabel };
      }),
    [edges, titles, t],
  );

  const isValidConnection = useCallback<IsValidConnection<CanvasEdge>>(
    (c) => {
      const s = store.getState();
      if (!c.sourceHandle || !c.targetHandle) return false;
      const link = { source: c.source, target: c.target, sourcePort: c.sourceHandle, targetPort: c.targetHandle };
      return canConnect(s.nodes.map((n) => n.id), s.edges.map(toFlowEdge), link);
    },
    [store],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(paletteMime)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(paletteMime);
      if (!type) return;
      e.preventDefault();
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      store.getState().addNode(type, { x: Math.round(at.x - defaultNodeSize.width / 2), y: Math.round(at.y - 24) });
    },
    [screenToFlowPosition, store],
  );

  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.fitView'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'node.a11yDescription.default': t('canvas.nodeHelp'),
      'edge.a11yDescription.default': t('canvas.edgeHelp'),
    }),
    [t],
  );

  return (
    <div className="canvas" onDragOver={readOnly ? undefined : onDragOver} onDrop={readOnly ? undefined : onDrop}>
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={named}
        edges={namedEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={store.getState().onNodesChange}
        onEdgesChange={store.getState().onEdgesChange}
        onConnect={(c) => store.getState().connect(c)}
        onBeforeDelete={async () => {
          store.getState().record();
          return true;
        }}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        deleteKeyCode={readOnly ? null : deleteKeys}
        defaultEdgeOptions={{ type: 'flowEdge' }}
        fitView={fitOnOpen}
        fitViewOptions={fitViewOptions}
        minZoom={0.25}
        maxZoom={1.75}
        colorMode="system"
        ariaLabelConfig={ariaLabelConfig}
        aria-label={readOnly ? t('canvas.runLabel') : t('canvas.label')}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <Controls showInteractive={false} fitViewOptions={fitViewOptions}>
          {/* The mini map covers steps on a small screen: off there by default, and the user's to turn on. */}
          <ControlButton
            className="minimap-toggle"
            aria-pressed={minimapOpen}
            aria-label={t('canvas.minimap')}
            title={minimapOpen ? t('layout.hideMinimap') : t('layout.showMinimap')}
            onClick={() => store.getState().setLayout('minimapOpen', !minimapOpen)}
          >
            <MinimapIcon />
          </ControlButton>
        </Controls>
        {nodes.length > 0 && minimapOpen ? <MiniMap pannable zoomable nodeColor={miniMapColor} nodeBorderRadius={6} style={miniMapSize} /> : null}
      </ReactFlow>
      {nodes.length === 0 && !readOnly ? (
        <div className="canvas-empty">
          <p className="canvas-empty-title">{t('canvas.emptyTitle')}</p>
          <p>{t('canvas.emptyText')}</p>
        </div>
      ) : null}
    </div>
  );
}

function MinimapIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 5h18v14H3zM13 11h6v6h-6z" style={{ fill: 'none' }} stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}
