import type { RunStatus, StepStatus, TimelineData, TimelineDataOf, TimelineEntryDto, TimelineKind } from '../../engine/contract/index.ts';

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
  | 'note'
  | 'task'
  | 'upload'
  | 'echo';

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
  task_created: 'task',
  task_done: 'task',
  customer_field: 'user',
  sequence: 'clock',
  write_back: 'upload',
  echo: 'echo',
  fulfillment: 'upload',
  inventory: 'receipt',
  return: 'swap',
  process_at_store: 'note',
};

/**
 * What became of a run or a step. `would_do`: a dry run's step that recorded what it would
 * have done (its intents) instead of doing it.
 */
export type OutcomeStatus = RunStatus | StepStatus | 'would_do';

export interface TimelineOutcome {
  status: OutcomeStatus;
  /** Why it was skipped, cancelled or failed, as the engine said it. */
  reason: string | null;
}

/** For a delivery: the listener's verdict and what it said of the signature. */
export interface DeliverySignature {
  verdict: string;
  verified: boolean;
  text: string | null;
}

/** How a delivery that did not come as a webhook was fetched through the platform's API. */
export type DeliveryFetch = NonNullable<TimelineDataOf<'delivery'>['source']>;

export interface StatusChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface TimelineEntryView {
  icon: TimelineIconId;
  tone: TimelineTone;
  /** i18n key (orders namespace) of the kind's name; a delivery fetched through the API is named for how. */
  labelKey: `timeline.kind.${TimelineKind | `delivery_${DeliveryFetch}`}`;
  outcome: TimelineOutcome | null;
  signature: DeliverySignature | null;
  changes: StatusChange[];
  /** The webhook topic it came from: a delivery's, or the one that changed a status. */
  topic: string | null;
  /** A run entry of a dry run: nothing it did left the engine. */
  dryRun: boolean;
  /** A run entry of a replay (issue 15): a delivery run again, not a new delivery. */
  replay: boolean;
  /** Where the run it belongs to is shown. */
  runHref: string | null;
}

function text(value: string | null | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function entryOutcome(data: TimelineData | null): TimelineOutcome | null {
  if (data?.kind === 'run') {
    const reason = data.status === 'failed' ? text(data.error) ?? text(data.reason) : text(data.reason) ?? text(data.error);
    return { status: data.status, reason };
  }
  if (data?.kind === 'step') {
    const wouldDo = (data.wouldDo?.length ?? 0) > 0;
    return { status: wouldDo && data.status === 'done' ? 'would_do' : data.status, reason: text(data.reason) };
  }
  return null;
}

/** Reconciled or polled: fetched through the platform's API, so there was no signature to check. */
export function deliveryFetch(data: TimelineData | null): DeliveryFetch | null {
  return data?.kind === 'delivery' ? (data.source ?? null) : null;
}

export function deliverySignature(data: TimelineData | null): DeliverySignature | null {
  if (data?.kind !== 'delivery' || data.source) return null;
  const verdict = text(data.verdict) ?? 'accepted';
  // Only signed deliveries reach an order's timeline: "accepted" means the signature checked out.
  return { verdict, verified: verdict === 'accepted', text: text(data.signature) };
}

export function statusChanges(data: TimelineData | null): StatusChange[] {
  if (data?.kind !== 'status_change') return [];
  return Object.entries(data.changes).map(([field, change]) => ({ field, from: text(change.from), to: text(change.to) }));
}

/** The tone of a run's or step's outcome, as a badge shows it. */
export const outcomeTone: Record<OutcomeStatus, 'good' | 'neutral' | 'warn' | 'bad'> = {
  queued: 'neutral',
  running: 'neutral',
  waiting: 'neutral',
  would_do: 'neutral',
  succeeded: 'good',
  done: 'good',
  skipped: 'warn',
  cancelled: 'warn',
  failed: 'bad',
};

export function entryTone(entry: TimelineEntryDto): TimelineTone {
  switch (entry.kind) {
    case 'delivery':
      // An old entry whose facts were lost still came through the listener, signed.
      return entry.data === null || deliveryFetch(entry.data) || deliverySignature(entry.data)?.verified ? 'good' : 'bad';
    case 'stale_delivery':
      return 'warn';
    case 'run':
    case 'step': {
      const outcome = entryOutcome(entry.data);
      return outcome ? outcomeTone[outcome.status] : 'neutral';
    }
    case 'status_change':
    case 'tag_added':
    case 'order_created':
      return 'accent';
    case 'customer':
    case 'note':
      return 'neutral';
    case 'customer_field':
    case 'sequence':
      return 'accent';
    case 'task_created':
      return 'accent';
    case 'task_done':
      return entry.data?.kind === 'task_done' && !entry.data.done ? 'neutral' : 'good';
    case 'write_back':
      // Found already done after a crash: nothing was sent this time.
      return entry.data?.kind === 'write_back' && entry.data.already ? 'neutral' : 'accent';
    case 'echo':
      return 'neutral';
    case 'fulfillment': {
      // A rejection, a refused cancellation or a service giving up is something to act on.
      const step = entry.data?.kind === 'fulfillment' ? entry.data.step : null;
      if (step === 'request_rejected' || step === 'cancellation_rejected' || step === 'failed_to_complete') return 'warn';
      return step === 'fulfilled' ? 'good' : 'accent';
    }
    case 'inventory':
      return entry.data?.kind === 'inventory' && entry.data.skipped ? 'neutral' : 'accent';
    case 'return':
      return 'warn';
    case 'process_at_store':
      return 'neutral';
  }
}

function entryTopic(data: TimelineData | null): string | null {
  if (data?.kind === 'delivery') return text(data.topic);
  if (data?.kind === 'status_change') return text(data.source);
  return null;
}

/** Everything the timeline draws for one entry, from the entry's facts alone (the words are TimelineItem's). */
export function viewTimelineEntry(entry: TimelineEntryDto): TimelineEntryView {
  const data = entry.data?.kind === entry.kind ? entry.data : null;
  const fetched = deliveryFetch(data);
  return {
    icon: timelineIcons[entry.kind],
    tone: entryTone({ ...entry, data }),
    labelKey: fetched ? `timeline.kind.delivery_${fetched}` : `timeline.kind.${entry.kind}`,
    outcome: entryOutcome(data),
    signature: deliverySignature(data),
    changes: statusChanges(data),
    topic: entryTopic(data),
    dryRun: data?.kind === 'run' && data.dryRun === true,
    // Entries written before issue 15 never say so: no field is no replay.
    replay: data?.kind === 'run' && data.replay === true,
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
