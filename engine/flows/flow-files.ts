import type { FlowDocument, FlowFile, FlowFileNeed, ParamsSchemaOf } from '../contract/index.ts';
import { FLOW_FILE_FORMAT, neededFields, readFlowFile, withoutSecrets } from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { EngineError } from '../shared/errors.ts';

function schemaOf(registry: NodeRegistry): ParamsSchemaOf {
  const byType = new Map(registry.toDtos().map((d) => [d.type, d.paramsSchema]));
  return (type) => byType.get(type);
}

/** The file for a document, with its secrets replaced by a placeholder and listed in `needs`. */
export function toFlowFile(doc: FlowDocument, registry: NodeRegistry, exportedAt: string): FlowFile {
  const { flow, needs } = withoutSecrets(doc, schemaOf(registry));
  return { format: FLOW_FILE_FORMAT, exportedAt, ...(needs.length > 0 ? { needs } : {}), flow };
}

/**
 * Reads an imported file or refuses it with what is wrong, in words: a file from a newer
 * Flowdesk (its format, or a step type newer than this build knows), or a broken file (field
 * path + message). Also answers the fields left for the user to fill in, found from the
 * placeholders themselves (a file's own `needs` list is not trusted).
 */
export function fromFlowFile(file: unknown, registry: NodeRegistry): { flow: FlowDocument; needs: FlowFileNeed[] } {
  const read = readFlowFile(file);
  if (!read.ok) throw new EngineError('invalid_flow', read.message, { file: read.why, issues: read.issues });
  const flow = read.file.flow;
  for (const [i, node] of flow.nodes.entries()) {
    const known = registry.get(node.type)?.spec.version;
    if (known !== undefined && node.typeVersion > known) {
      const message = `this flow was exported by a newer Flowdesk (step "${node.label ?? node.id}" is ${node.type} version ${node.typeVersion}, this Flowdesk knows version ${known}); update Flowdesk to import it`;
      throw new EngineError('invalid_flow', message, { file: 'newer_format', issues: [{ path: `flow.nodes[${i}].typeVersion`, message }] });
    }
  }
  return { flow, needs: neededFields(flow, schemaOf(registry)) };
}
