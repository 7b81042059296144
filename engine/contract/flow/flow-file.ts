import type { z } from 'zod';
import { FLOW_FILE_FORMAT, FLOW_FILE_VERSION, FlowFile, flowFileFormatProblem, flowFileVersionOf } from './flow-document.ts';

/** One thing wrong in a file: where (a field path such as `flow.nodes[2].id`) and what. */
export interface FileIssue {
  path: string;
  message: string;
}

export type FlowFileReading =
  | { ok: true; file: FlowFile }
  | { ok: false; why: 'newer_format' | 'not_flow_file' | 'invalid'; message: string; issues: FileIssue[] };

/** How many problems a refusal names: a file broken everywhere is said to be, not listed in full. */
const SHOWN_ISSUES = 5;

/**
 * Reads parsed JSON as a flow file, or says in plain words why not. The format is looked at
 * first: a file from a newer Flowdesk is named as such, not reported as a pile of schema errors
 * about fields this version has never heard of.
 */
export function readFlowFile(json: unknown): FlowFileReading {
  const format = json !== null && typeof json === 'object' ? (json as { format?: unknown }).format : undefined;
  if (format !== FLOW_FILE_FORMAT) {
    const version = flowFileVersionOf(format);
    const why = version !== null && version > FLOW_FILE_VERSION ? 'newer_format' : 'not_flow_file';
    return { ok: false, why, message: flowFileFormatProblem(format), issues: [{ path: 'format', message: flowFileFormatProblem(format) }] };
  }
  const parsed = FlowFile.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const issues = fileIssues(parsed.error);
  return { ok: false, why: 'invalid', message: `the flow file is broken: ${describeIssues(issues)}`, issues };
}

/** zod's issues as path + message, without the dump. */
export function fileIssues(error: z.ZodError): FileIssue[] {
  return error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
}

/** "flow.nodes[2].id: letters, digits…; flow.name: …; and 3 more problems". */
export function describeIssues(issues: readonly FileIssue[]): string {
  const shown = issues.slice(0, SHOWN_ISSUES).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '');
}

function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
