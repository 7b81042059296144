import type { Edge, Node } from '@xyflow/react';
import type { FlowDocument, FlowEdge, FlowNode } from '../../engine/contract/index.ts';

/** What a canvas node carries: the document node, serializable, no functions. */
export type FlowNodeData = {
  type: string;
  typeVersion: number;
  params: Record<string, unknown>;
  label?: string;
};

export type CanvasNode = Node<FlowNodeData, 'flowNode'>;
export type CanvasEdge = Edge<Record<string, never>, 'flowEdge'>;

export function toCanvasNode(node: FlowNode): CanvasNode {
  return {
    id: node.id,
    type: 'flowNode',
    position: { ...node.position },
    data: {
      type: node.type,
      typeVersion: node.typeVersion,
      params: structuredClone(node.params),
      ...(node.label !== undefined ? { label: node.label } : {}),
    },
  };
}

export function toCanvasEdge(edge: FlowEdge): CanvasEdge {
  return { id: edge.id, type: 'flowEdge', source: edge.source, sourceHandle: edge.sourcePort, target: edge.target, targetHandle: edge.targetPort };
}

export function toFlowNode(node: CanvasNode): FlowNode {
  return {
    id: node.id,
    type: node.data.type,
    typeVersion: node.data.typeVersion,
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
    params: node.data.params,
    ...(node.data.label ? { label: node.data.label } : {}),
  };
}

export function toFlowEdge(edge: CanvasEdge): FlowEdge {
  return { id: edge.id, source: edge.source, sourcePort: edge.sourceHandle ?? 'out', target: edge.target, targetPort: edge.targetHandle ?? 'in' };
}

export interface GraphState {
  name: string;
  description?: string | undefined;
  nodes: readonly CanvasNode[];
  edges: readonly CanvasEdge[];
}

/** The canvas as the flow document the engine saves. */
export function toDocument(state: GraphState): FlowDocument {
  return {
    name: state.name,
    ...(state.description !== undefined ? { description: state.description } : {}),
    nodes: state.nodes.map(toFlowNode),
    edges: state.edges.map(toFlowEdge),
  };
}

export function fromDocument(doc: FlowDocument): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  return { nodes: doc.nodes.map(toCanvasNode), edges: doc.edges.map(toCanvasEdge) };
}

/** A stable text of the document, to tell whether there are unsaved changes. */
export function documentKey(doc: FlowDocument): string {
  return JSON.stringify(doc);
}
