/**
 * What an action changes, as data. Executors return effects; the executor applies them in
 * the same transaction that records the step, so a step and its change land together or not
 * at all, and a dry run records them as "would do" without applying them.
 */
export type Effect =
  | { kind: 'order.addTags'; orderId: string; tags: string[] }
  | { kind: 'customer.addTags'; customerId: string; tags: string[] }
  | { kind: 'timeline.note'; orderId: string; text: string };
