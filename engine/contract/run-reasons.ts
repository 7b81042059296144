import { z } from 'zod';

/**
 * Why a run was skipped or cancelled, as a code the editor words in the user's language (with
 * `reasonArgs`); the entry keeps the English `reason` for the command line and older readers.
 */
export const RunReasonCode = z.enum([
  'flow_turned_off',
  'flow_deleted',
  'connection_removed',
  'account_removed',
  'missing_connection',
  'activation_not_met',
  'tag_loop',
  'batch_cancelled',
  'left_sequence',
  'flow_loop',
  /** The same flow ran on the same order for the same change too often within a minute: stopped (write-back loop guard). */
  'order_loop',
]);
export type RunReasonCode = z.infer<typeof RunReasonCode>;
export interface RunReason {
  code: RunReasonCode;
  args?: Record<string, string>;
}

/** A run reason in English: what the runs list's error column and the command line show. */
export function runReasonText(r: RunReason): string {
  const a = r.args ?? {};
  switch (r.code) {
    case 'flow_turned_off':
      return 'the flow was turned off';
    case 'flow_deleted':
      return 'the flow was deleted';
    case 'connection_removed':
      return "the store's connection it needs was removed";
    case 'account_removed':
      return 'the connector account it uses was removed';
    case 'missing_connection':
      return `store "${a['store'] ?? '?'}" has no ${(a['platforms'] ?? '?').split(', ').join(', no ')} connection, which this flow uses`;
    case 'activation_not_met':
      return a['rules'] ? `did not meet the activation conditions: ${a['rules']}` : 'did not meet the activation conditions';
    case 'tag_loop':
      return `not started: ${a['depth'] ?? '?'} flows in a row started each other by adding tags, which looks like a loop`;
    case 'batch_cancelled':
      return 'the batch was cancelled before it ran';
    case 'left_sequence':
      return `the customer left the sequence "${a['sequence'] ?? '?'}"`;
    case 'flow_loop':
      return `not started: ${a['depth'] ?? '?'} flows in a row started each other, which looks like a loop`;
    case 'order_loop':
      return `not started: this flow already ran ${a['runs'] ?? '?'} times on this order for the same change within ${a['seconds'] ?? '?'} s, which looks like a loop`;
  }
}

/**
 * Why a step was skipped, as a code the editor words in the user's language (with `reasonArgs`);
 * the step keeps the English `reason` for the run log and the command line. A provider's own
 * answer (`provider_refused`) is passed on as it said it.
 */
export const StepReasonCode = z.enum([
  'activation_not_met',
  'no_order',
  'no_customer',
  'tags_empty',
  'note_empty',
  'url_not_http',
  'no_phone',
  'bad_phone',
  'no_email',
  'email_unverified',
  'bad_email',
  'no_telegram_chat',
  'zns_param_empty',
  'no_zalo_user',
  'bad_zalo_user',
  'zalo_no_interaction',
  'zalo_no_account',
  'zalo_cannot_receive',
  'zalo_not_follower',
  'bad_telegram_chat',
  'no_messenger_psid',
  'bad_messenger_psid',
  'messenger_never_wrote',
  'messenger_window_closed',
  'task_title_empty',
  'not_a_date',
  'date_field_empty',
  'date_field_not_date',
  'no_allowed_day',
  'provider_refused',
  'field_value_invalid',
  'already_in_sequence',
  'not_in_sequence',
  'flow_not_found',
  'flow_not_active',
  'flow_not_startable',
  'flow_chain_too_deep',
  'flow_starts_itself',
  /** A step that acts on the store, on a connection whose write-back is off. */
  'write_back_off',
  /** The order's platform cannot do this action through its API (reference §9.1). */
  'platform_cannot',
  /** The customer has no id on the order's platform to tag. */
  'no_platform_customer',
  /** A fulfillment order step with no FO to act on: the trigger names none, and none of the order's allows the action now. */
  'no_fulfillment_order',
  /** Seed 002: the merchant processes this marketplace order at the store; its status is not synced back. */
  'processed_at_store',
  /** A failed step: a template in one of its fields did not render (args: field, fieldTitle, problem, token, line, col, message). */
  'template_failed',
]);
export type StepReasonCode = z.infer<typeof StepReasonCode>;

/** The fields a run entry carries for a reason: its code and words for the editor, its English. */
export function runReasonFields(r: RunReason): { reason: string; reasonCode: RunReasonCode; reasonArgs?: Record<string, string> } {
  return { reason: runReasonText(r), reasonCode: r.code, ...(r.args ? { reasonArgs: r.args } : {}) };
}
