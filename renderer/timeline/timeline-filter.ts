import { TimelineKind, type TimelineEntryDto } from '../../engine/contract/index.ts';

/** The filter bar's groups of kinds, in the order the bar shows them. */
export const timelineGroupIds = ['deliveries', 'status', 'fulfillment', 'runs', 'writeBacks', 'tags', 'tasks', 'customer', 'other'] as const;
export type TimelineGroupId = (typeof timelineGroupIds)[number];

/**
 * Which group each kind is filtered under. A kind added later and not named here falls in
 * `other`, so the bar never hides entries it has no word for.
 */
const groupOfKind: Partial<Record<TimelineKind, TimelineGroupId>> = {
  delivery: 'deliveries',
  stale_delivery: 'deliveries',
  echo: 'deliveries',
  order_created: 'status',
  status_change: 'status',
  fulfillment: 'fulfillment',
  run: 'runs',
  step: 'runs',
  write_back: 'writeBacks',
  tag_added: 'tags',
  note: 'tags',
  task_created: 'tasks',
  task_done: 'tasks',
  customer: 'customer',
  customer_field: 'customer',
  sequence: 'customer',
};

export const groupOf = (kind: TimelineKind): TimelineGroupId => groupOfKind[kind] ?? 'other';

/** The kinds the API is asked for when a group is chosen. */
export function kindsOf(group: TimelineGroupId): TimelineKind[] {
  return TimelineKind.options.filter((kind) => groupOf(kind) === group);
}

/** How many entries each group holds, from the API's counts by kind. */
export function groupCounts(counts: Partial<Record<TimelineKind, number>>): Record<TimelineGroupId, number> {
  const out = Object.fromEntries(timelineGroupIds.map((g) => [g, 0])) as Record<TimelineGroupId, number>;
  for (const [kind, n] of Object.entries(counts) as [TimelineKind, number][]) out[groupOf(kind)] += n;
  return out;
}

/** One line of the timeline: an entry, and how many times in a row the same failure happened. */
export interface TimelineLine {
  entry: TimelineEntryDto;
  repeat: number;
  /** A failure said in full on an earlier line (another run failing the same step the same way): said short here. */
  again?: true;
}

/** The facts that make two step failures "the same error" (issue 16). */
function failureKey(e: TimelineEntryDto): string | null {
  if (e.data?.kind !== 'step' || e.data.status !== 'failed' || !e.runId) return null;
  return JSON.stringify([e.runId, e.data.nodeId, e.data.reasonCode ?? null, e.data.reason ?? null]);
}

/**
 * Consecutive identical failures of one step of one run (each attempt appends an entry) read as
 * one line with "×N": the error is said once. The line keeps the last attempt (its time is when
 * the run gave up).
 */
export function foldRepeatedFailures(entries: readonly TimelineEntryDto[]): TimelineLine[] {
  const lines: TimelineLine[] = [];
  let lastKey: string | null = null;
  // The same step failing the same way in several runs (each delivery starts one) is said in
  // full once, on its first line; the later ones say "failed again, the same error".
  const said = new Set<string>();
  for (const entry of entries) {
    const key = failureKey(entry);
    const prev = lines.at(-1);
    if (key !== null && key === lastKey && prev) {
      lines[lines.length - 1] = { ...prev, entry, repeat: prev.repeat + 1 };
    } else {
      const same = sameErrorKey(entry);
      lines.push(same !== null && said.has(same) ? { entry, repeat: 1, again: true } : { entry, repeat: 1 });
      if (same !== null) said.add(same);
    }
    lastKey = key;
  }
  return lines;
}

/** A step failure's error, whichever run: its step, its code and its words. */
function sameErrorKey(e: TimelineEntryDto): string | null {
  if (e.data?.kind !== 'step' || e.data.status !== 'failed') return null;
  return JSON.stringify([e.data.nodeId, e.data.reasonCode ?? null, e.data.reason ?? null]);
}
