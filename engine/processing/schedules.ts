import { scheduleSpec, type CanonicalEvent, type ScheduleFiredEvent, type ScheduleParams } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ScheduleJobsRepo } from '../storage/repos/schedule-jobs-repo.ts';
import type { Job, Queue } from '../queue/queue.ts';
import type { HandlerResult } from '../queue/worker.ts';
import type { FlowRuns } from '../domain/flow-runs.ts';
import { firingsBetween, nextFiring, ruleKey } from '../nodes/schedule/schedule-rule.ts';
import type { Clock } from '../shared/clock.ts';

/** The job kind of a schedule's next firing. */
export const SCHEDULE_JOB = 'schedule.fire';

/**
 * A firing taken up later than this after its time counts as missed (the app was closed, the
 * machine asleep): it fires `late`. Within it, it is on time (a busy queue, a slow start).
 */
export const LATE_AFTER_MS = 5 * 60_000;

/** What a planned firing's job carries: which trigger of which version, under which rule, for when. */
interface Firing {
  flowId: string;
  version: number;
  nodeId: string;
  rule: string;
  plannedMs: number;
}

interface ScheduleTrigger {
  flowId: string;
  flowName: string;
  version: number;
  nodeId: string;
  params: ScheduleParams;
}

export interface SchedulesDeps {
  repos: Repositories;
  plans: ScheduleJobsRepo;
  queue: Queue;
  flowRuns: FlowRuns;
  clock: Clock;
}

const iso = (ms: number) => new Date(ms).toISOString();
const sameTrigger = (f: Firing, t: ScheduleTrigger) => f.version === t.version && f.nodeId === t.nodeId && f.rule === ruleKey(t.params);

/**
 * Schedules: while a flow with a schedule trigger is on, its next firing waits in the queue as
 * a durable job due at that time, so it survives restarts; each firing creates a run with no
 * order and plans the one after.
 *
 * Missed firings (the app was closed across one or more of them): the first firing job is taken
 * up when the app starts again and fires ONCE, marked `late: true` with `missed` = how many
 * firings fell between its planned time and now; the next one is planned from now. Never a
 * burst: a daily report missed for a week is sent once, saying it is late, not seven times.
 *
 * Turning the flow on, off, deleting it or activating another version re-plans (`plan`):
 * planned firings that no longer match the active version's schedule triggers are dropped, and
 * triggers without one get their next firing. A firing whose flow changed while it was under
 * way finds no matching trigger and does nothing.
 */
export function createSchedules(d: SchedulesDeps) {
  const { repos, plans, queue, clock } = d;

  function triggersOf(flowId: string): ScheduleTrigger[] {
    const flow = repos.flows.get(flowId);
    if (!flow || flow.activeVersion === null) return [];
    const doc = repos.flows.getVersion(flowId, flow.activeVersion);
    const out: ScheduleTrigger[] = [];
    for (const node of doc?.nodes ?? []) {
      if (node.type !== scheduleSpec.type) continue;
      const params = scheduleSpec.params.safeParse(node.params);
      if (params.success) out.push({ flowId, flowName: flow.name, version: flow.activeVersion, nodeId: node.id, params: params.data });
    }
    return out;
  }

  function enqueue(t: ScheduleTrigger, plannedMs: number, key: string | undefined): void {
    const firing: Firing = { flowId: t.flowId, version: t.version, nodeId: t.nodeId, rule: ruleKey(t.params), plannedMs };
    queue.enqueue(SCHEDULE_JOB, firing, { runAt: plannedMs, ...(key ? { idempotencyKey: key } : {}) });
  }

  const pendingOf = (flowId?: string) =>
    plans.pending(SCHEDULE_JOB)
      .map((j) => ({ ...j, firing: JSON.parse(j.payload) as Firing }))
      .filter((j) => flowId === undefined || j.firing.flowId === flowId);

  /** Brings a flow's planned firings in line with its active version (none when it is off or gone). */
  function plan(flowId: string, why: string): void {
    repos.tx(() => {
      const wanted = triggersOf(flowId);
      const kept = new Set<string>();
      for (const job of pendingOf(flowId)) {
        const match = wanted.find((t) => sameTrigger(job.firing, t));
        // A firing under way (leased) finishes by itself: it checks its trigger again.
        if (match && !kept.has(match.nodeId)) kept.add(match.nodeId);
        else if (job.state === 'queued') plans.drop(job.id, `schedule re-planned: ${why}`, clock.now());
      }
      for (const t of wanted) if (!kept.has(t.nodeId)) enqueue(t, nextFiring(t.params, clock.now()), undefined);
    });
  }

  return {
    plan,
    /** At start: every flow that is on, or has planned firings, planned as it should be (missed firings stay, to fire late). */
    planAll(): void {
      const ids = new Set([...repos.flows.listActive().map((f) => f.id), ...pendingOf().map((j) => j.firing.flowId)]);
      for (const id of ids) plan(id, 'the app started');
    },
    /** The job handler: one run for this firing, late or not, and the next firing planned, in one transaction. */
    async fire(job: Job): Promise<HandlerResult> {
      const firing = job.payload as Firing;
      repos.tx(() => {
        const now = clock.now();
        const trigger = triggersOf(firing.flowId).find((t) => sameTrigger(firing, t));
        if (trigger) {
          const late = now - firing.plannedMs > LATE_AFTER_MS;
          const event: ScheduleFiredEvent = {
            type: 'schedule.fired', occurredAt: iso(now), scheduledFor: iso(firing.plannedMs), late,
            missed: late ? firingsBetween(trigger.params, firing.plannedMs, now) : 0, timeZone: trigger.params.timeZone,
          };
          // The events table keeps a schedule's firing beside order events (contract: ScheduleFiredEvent).
          const eventId = repos.events.insert(0, null, event as unknown as CanonicalEvent, iso(now));
          d.flowRuns.queueRun({
            flowId: trigger.flowId, flowName: trigger.flowName, flowVersion: trigger.version, eventId, eventType: event.type,
            orderId: null, inboxId: null, dryRun: false, atMs: now,
          });
          enqueue(trigger, nextFiring(trigger.params, now), `schedule:${job.id}:next`);
        }
        queue.complete(job.id);
      });
      return { completed: true };
    },
  };
}
export type Schedules = ReturnType<typeof createSchedules>;
