import type { FlowDocument, NodeSpecDto } from '../../engine/contract/index.ts';

/**
 * A node's name as the editor shows it: its own label, else its type's (translated) label, else
 * its id. Documents are asked in order (the newer version first), so a renamed node reads as now.
 */
export function nodeNamer(
  documents: readonly (FlowDocument | null | undefined)[],
  specs: readonly NodeSpecDto[],
  typeLabel: (spec: NodeSpecDto) => string,
): (nodeId: string, known?: { label?: string | null; nodeType?: string }) => string {
  return (nodeId, known) => {
    if (known?.label) return known.label;
    for (const doc of documents) {
      const node = doc?.nodes.find((n) => n.id === nodeId);
      if (!node) continue;
      if (node.label) return node.label;
      const spec = specs.find((s) => s.type === node.type);
      if (spec) return typeLabel(spec);
    }
    const spec = known?.nodeType ? specs.find((s) => s.type === known.nodeType) : undefined;
    return spec ? typeLabel(spec) : nodeId;
  };
}
