import type { ConditionVerdict } from '../../contract/flow/condition.ts';
import { evaluateCondition } from '../../contract/flow/evaluate-condition.ts';
import { conditionSpec, type ConditionParams } from '../../contract/nodes/logic/condition.spec.ts';
import { defineNodeType } from '../node-type.ts';

/**
 * Runs a `logic.condition` node: the same pure evaluation the editor shows, turned into a port.
 * `now` is the run's time (from the engine's clock, so replays and tests are deterministic);
 * `timeZone` is the shop's, for calendar-day rules (default Asia/Ho_Chi_Minh).
 */
export function runCondition(
  params: ConditionParams,
  data: unknown,
  now: Date,
  options: { timeZone?: string } = {},
): { port: 'yes' | 'no'; output: ConditionVerdict } {
  const verdict = evaluateCondition(params.condition, data, now, options);
  return { port: verdict.result ? 'yes' : 'no', output: verdict };
}

/** The condition node: AND/OR groups and list quantifiers; the trace says which rules held. */
export const conditionNode = defineNodeType(conditionSpec, async ({ params, data, nowMs }) => {
  const { port, output } = runCondition(params, data, new Date(nowMs));
  return { status: 'done', port, input: { condition: params.condition }, output };
});
