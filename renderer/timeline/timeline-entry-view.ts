import type { TimelineEntryDto, TimelineKind } from '../../engine/contract/index.ts';

/** How an entry is drawn: its marker's colour. `accent` is for facts that are neither good nor bad news. */
export type TimelineTone = 'good' | 'neutral' | 'warn' | 'bad' | 'accent';

/** The glyph for each kind (see TimelineIcon.tsx). */
export type TimelineIconId =
  | 'inbox'
  | 'receipt'
  | 'swap'
  | 'clock'
  | 'user'
  | 'play'
  | 'step'
  | 'tag'
  | 'note';

export const timelineIcons: Record<TimelineKind, TimelineIconId> = {
  delivery: 'inbox',
  order_created: 'receipt',
  status_change: 'swap',
  stale_delivery: 'clock',
  customer: 'user',
  run: 'play',
  step: 'step',
  tag_added: 'tag',
  note: 'note',
};

/** What became of a run or a step, read from the entry's detail. */
export type OutcomeStatus = 'running' | 'succeeded' | 'done' | 'skipped' | 'failed' | 'queued';

export interface TimelineOutcome {
  status: OutcomeStatus;
  /** Why it was skipped or failed, as the engine said it. */
  reason: string | null;
}

/** For a delivery: the listener's verdict and what it said of the signature. */
export interface DeliverySignature {
  verdict: string;
  verified: boolean;
  text: string | null;
}

export interface StatusChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface TimelineEntryView {
  icon: TimelineIconId;
  tone: TimelineTone;
  /** i18n key (orders namespace) of the kind's name. */
  labelKey: `timeline.kind.${TimelineKind}`;
  outcome: TimelineOutcome | null;
  signature: DeliverySignature | null;
  changes: StatusChange[];
  /** The webhook topic it came from: a delivery's, or the one that changed a status. */
  topic: string | null;
  /**
   * Whether the engine's title adds to what the view draws from the detail. It does not for
   * deliveries, new orders and status changes, whose facts are drawn (in the user's language).
   */
  showTitle: boolean;
  /** Where the run it belongs to is shown. */
  runHref: string | null;
}

const outcomeStatuses = new Set<string>(['running', 'succeeded', 'done', 'skipped', 'failed', 'queued']);

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function entryOutcome(entry: TimelineEntryDto): TimelineOutcome | null {
  if (entry.kind !== 'run' && entry.kind !== 'step') return null;
  const status = entry.detail?.['status'];
  if (typeof status !== 'string' || !outcomeStatuses.has(status)) return null;
  const reason = text(entry.detail?.['reason']) ?? text(entry.detail?.['error']);
  return { status: status as OutcomeStatus, reason };
}

export function deliverySignature(entry: TimelineEntryDto): DeliverySignature | null {
  if (entry.kind !== 'delivery') return null;
  const verdict = text(entry.detail?.['verdict']) ?? 'accepted';
  // Only signed deliveries reach an order's timeline: "accepted" means the signature checked out.
  return { verdict, verified: verdict === 'accepted', text: text(entry.detail?.['signature']) };
}

export function statusChanges(entry: TimelineEntryDto): StatusChange[] {
  if (entry.kind !== 'status_change') return [];
  const changes = entry.detail?.['changes'];
  if (typeof changes !== 'object' || changes === null) return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, change]) => {
    const c = (typeof change === 'object' && change !== null ? change : {}) as Record<string, unknown>;
    return { field, from: text(c['from']), to: text(c['to']) };
  });
}

/** The tone of a run's or step's outcome, as a badge shows it. */
export const outcomeTone: Record<OutcomeStatus, 'good' | 'neutral' | 'warn' | 'bad'> = {
  queued: 'neutral',
  running: 'neutral',
  succeeded: 'good',
  done: 'good',
  skipped: 'warn',
  failed: 'bad',
};

export function entryTone(entry: TimelineEntryDto): TimelineTone {
  switch (entry.kind) {
    case 'delivery':
      return deliverySignature(entry)?.verified ? 'good' : 'bad';
    case 'stale_delivery':
      return 'warn';
    case 'run':
    case 'step': {
      const outcome = entryOutcome(entry);
      return outcome ? outcomeTone[outcome.status] : 'neutral';
    }
    case 'status_change':
    case 'tag_added':
    case 'order_created':
      return 'accent';
    case 'customer':
    case 'note':
      return 'neutral';
  }
}

const titleDrawn = new Set<TimelineKind>(['delivery', 'order_created', 'status_change']);

/** Everything the timeline draws for one entry, from the entry alone. */
export function viewTimelineEntry(entry: TimelineEntryDto): TimelineEntryView {
  return {
    icon: timelineIcons[entry.kind],
    tone: entryTone(entry),
    labelKey: `timeline.kind.${entry.kind}`,
    outcome: entryOutcome(entry),
    signature: deliverySignature(entry),
    changes: statusChanges(entry),
    topic: entry.kind === 'delivery' ? text(entry.detail?.['topic']) : entry.kind === 'status_change' ? text(entry.detail?.['source']) : null,
    showTitle: !titleDrawn.has(entry.kind),
    runHref: entry.runId ? `#/runs/${encodeURIComponent(entry.runId)}` : null,
  };
}

/** Adds entries to a timeline: each once (by id), in the order the engine appended them. */
export function mergeTimeline(current: readonly TimelineEntryDto[], added: readonly TimelineEntryDto[]): TimelineEntryDto[] {
  if (added.length === 0) return current as TimelineEntryDto[];
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const entry of added) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
