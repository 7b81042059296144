import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { FlowEdgePath } from './FlowEdgePath.tsx';
import { FlowNodeCard } from './FlowNodeCard.tsx';

/** Defined once, at module scope: React Flow warns when these change identity. */
export const nodeTypes = { flowNode: FlowNodeCard } satisfies NodeTypes;
export const edgeTypes = { flowEdge: FlowEdgePath } satisfies EdgeTypes;
