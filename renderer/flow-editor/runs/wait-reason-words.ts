import type { TFunction } from 'i18next';
import type { RunDetailDto, StepDto, WaitReason } from '../../../engine/contract/index.ts';

/**
 * Why a run waits, in the user's words: a deferral the engine names by code ("eSMS: outside
 * allowed sending hours") from the orders namespace, else the provider's answer as it came.
 */
export function waitReasonWords(t: TFunction, w: WaitReason): string {
  return w.reasonCode ? t(`timeline.waitReason.${w.reasonCode}`, { ns: 'orders', ...w.reasonArgs, defaultValue: w.reason }) : w.reason;
}

/**
 * The run's steps for the canvas, with the step a provider deferred shown as waiting until the
 * run's due time: the engine records no step for it (waking up runs it again), but on the
 * canvas it is where the run stopped, not "not reached".
 */
export function withDeferredStep(run: Pick<RunDetailDto, 'status' | 'steps' | 'dueAt' | 'waitReason' | 'document'>): StepDto[] {
  const wait = run.status === 'waiting' ? run.waitReason : null;
  if (!wait || run.steps.some((s) => s.nodeId === wait.nodeId)) return [...run.steps];
  const node = run.document.nodes.find((n) => n.id === wait.nodeId);
  if (!node) return [...run.steps];
  const seq = run.steps.reduce((max, s) => Math.max(max, s.seq), 0) + 1;
  const last = run.steps[run.steps.length - 1];
  return [
    ...run.steps,
    { seq, nodeId: node.id, nodeType: node.type, status: 'waiting', reason: null, port: null, input: null, output: null, startedAt: last?.startedAt ?? '', durationMs: 0, intents: [], dueAt: run.dueAt },
  ];
}
