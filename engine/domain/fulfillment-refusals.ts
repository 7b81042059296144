import type { FoRefusalCode } from '../contract/index.ts';

/**
 * The fulfillment order state machine's refusals (domain/fulfillment-orders.ts), each in
 * English: the engine's error text and the API's `reason`. The order page says them in the
 * user's language from the code and its args (fulfillment.json `refusal.<code>`).
 */
export const refusalText: Record<FoRefusalCode, (a: Record<string, string>) => string> = {
  no_such_fo: (a) => `the order has no fulfillment order ${a['fo']}`,
  not_a_service: () => 'its location is one you manage: fulfil it yourself (only a fulfillment service takes requests)',
  request_not_possible: () => 'a request can be sent only for an open fulfillment order with no request under way',
  nothing_left: () => 'nothing is left to ship',
  no_line: (a) => `it has no line ${a['line']}`,
  bad_quantity: (a) => `a quantity of ${a['quantity']} is not a number of items`,
  too_many: (a) => `line ${a['line']} has ${a['left']} left to ship, not ${a['quantity']}`,
  not_submitted: () => 'only a submitted request can be accepted or rejected',
  finished: () => 'it is finished',
  legacy_before_request: () => 'its fulfillment service uses the legacy workflow, which takes no cancellation from the app; no request has been sent, so the order itself can still be cancelled',
  legacy_after_request: () => 'its fulfillment service uses the legacy workflow: once requested, fulfillment cannot be cancelled from the app; contact the fulfillment service to cancel it',
  accepted_request_cancellation: () => 'the service has accepted it: request cancellation instead',
  no_request_waiting: () => 'there is no request waiting for the service',
  not_accepted_yet: () => 'the service has not accepted it yet: cancel the request instead',
  only_accepted_cancellable: () => 'only an accepted request can be asked to be cancelled',
  no_cancellation_requested: () => 'no cancellation was requested',
  close_incomplete_not_possible: () => 'only a service that accepted the request can close it as incomplete',
  service_has_request: () => 'a fulfillment service has its request: cancel it (or have the cancellation accepted) first',
  release_hold_first: () => 'release the hold first',
  already_there: () => 'it is already at that location',
  hold_not_possible: () => 'only an open fulfillment order with no request under way can be held',
  not_on_hold: () => 'it is not on hold',
  not_scheduled: () => 'only a scheduled fulfillment order can be rescheduled or opened early',
  fulfil_not_possible: () => 'only an open or in-progress fulfillment order can be fulfilled',
  cancel_request_first: () => 'a fulfillment service has its request: cancel the request first (marking as fulfilled sends nothing to the service)',
  service_fulfils_accepted_only: () => 'a service fulfils only a request it accepted',
  no_such_fulfillment: (a) => `it has no fulfillment ${a['fulfillment']}`,
  already_reverted: () => 'that fulfillment is already reverted',
};
