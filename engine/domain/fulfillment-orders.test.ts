import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyFoAction, foDisplay, orderFulfillment, remaining,
  type FoAction, type FoActionKind, type FoRequestStatus, type FoStatus, type FulfillmentOrder,
} from './fulfillment-orders.ts';
import { FoRefusalCode } from '../contract/index.ts';

const statuses: FoStatus[] = ['open', 'in_progress', 'scheduled', 'on_hold', 'incomplete', 'closed', 'cancelled'];
const requests: FoRequestStatus[] = ['unsubmitted', 'submitted', 'accepted', 'rejected', 'cancellation_requested', 'cancellation_accepted', 'cancellation_rejected', 'closed'];
/** `legacy`: a service on the legacy workflow (seed 003), which takes no cancellation from the app. */
const managers = ['merchant', 'service', 'legacy'] as const;
type Manager = (typeof managers)[number];
const active: FoRequestStatus[] = ['submitted', 'accepted', 'cancellation_requested', 'cancellation_rejected'];

function fo(manager: Manager, status: FoStatus, requestStatus: FoRequestStatus): FulfillmentOrder {
  const shipped = status === 'closed';
  const managedBy = manager === 'merchant' ? 'merchant' : 'service';
  return {
    id: 'fo1', locationId: 'loc1', managedBy, status, requestStatus, ...(manager === 'legacy' ? { workflow: 'legacy' as const } : {}),
    lines: [{ id: 'a', quantity: 2, fulfilled: shipped ? 2 : 0 }, { id: 'b', quantity: 1, fulfilled: shipped ? 1 : 0 }],
    holds: status === 'on_hold' ? [{ reason: 'AWAITING_PAYMENT', note: null }] : [],
    fulfillAt: status === 'scheduled' ? '2026-12-24T00:00:00Z' : null,
    fulfillments: [], message: null,
  };
}

/** Each action with the parameters the table uses. */
const actions: Record<string, FoAction> = {
  request_fulfillment: { kind: 'request_fulfillment' },
  accept_request: { kind: 'accept_request' },
  reject_request: { kind: 'reject_request', message: 'out of stock' },
  cancel_request: { kind: 'cancel_request' },
  request_cancellation: { kind: 'request_cancellation', note: 'customer changed their mind' },
  accept_cancellation: { kind: 'accept_cancellation' },
  reject_cancellation: { kind: 'reject_cancellation', message: 'already packed' },
  close_incomplete: { kind: 'close_incomplete' },
  move: { kind: 'move', locationId: 'loc2', managedBy: 'merchant', reason: 'fulfil ourselves' },
  hold: { kind: 'hold', reason: 'AWAITING_PAYMENT' },
  release_hold: { kind: 'release_hold' },
  reschedule: { kind: 'reschedule', fulfillAt: '2027-01-02T00:00:00Z' },
  open_scheduled: { kind: 'open_scheduled' },
  fulfil_by_merchant: { kind: 'fulfil', by: 'merchant', trackingNumber: '1Z999', carrier: 'GHN' },
  fulfil_by_service: { kind: 'fulfil', by: 'service', trackingNumber: 'SVC1', carrier: 'GHTK' },
};

type Where = { managedBy?: 'merchant' | 'service'; status: FoStatus[] | 'any'; request: FoRequestStatus[] | 'any' };
const not = (xs: readonly FoRequestStatus[]) => requests.filter((r) => !xs.includes(r));

/**
 * Reference/platform-webhooks.md §1.8 and seed 003 as data: where each action is legal, and the
 * (status, request status) it leaves the FO in (`same` keeps the one it had). Everything else is
 * refused.
 */
const legal: Record<string, { where: Where; to: [FoStatus | 'same', FoRequestStatus | 'same']; replaces?: boolean; notLegacy?: boolean }> = {
  request_fulfillment: { where: { managedBy: 'service', status: ['open', 'incomplete'], request: ['unsubmitted', 'rejected', 'closed', 'cancellation_accepted'] }, to: ['open', 'submitted'] },
  accept_request: { where: { status: ['open'], request: ['submitted'] }, to: ['in_progress', 'accepted'] },
  reject_request: { where: { status: ['open'], request: ['submitted'] }, to: ['open', 'rejected'] },
  // Seed 003's legacy workflow: after requesting, cancellation is not possible from the app.
  cancel_request: { where: { status: ['open', 'in_progress', 'scheduled', 'on_hold', 'incomplete'], request: ['submitted', 'cancellation_requested'] }, to: ['cancelled', 'closed'], replaces: true, notLegacy: true },
  request_cancellation: { where: { status: ['in_progress'], request: ['accepted'] }, to: ['in_progress', 'cancellation_requested'], notLegacy: true },
  accept_cancellation: { where: { status: ['in_progress'], request: ['cancellation_requested'] }, to: ['cancelled', 'cancellation_accepted'], replaces: true },
  reject_cancellation: { where: { status: ['in_progress'], request: ['cancellation_requested'] }, to: ['in_progress', 'cancellation_rejected'] },
  close_incomplete: { where: { managedBy: 'service', status: ['in_progress'], request: ['accepted'] }, to: ['incomplete', 'closed'] },
  move: { where: { status: ['open', 'in_progress', 'scheduled', 'incomplete'], request: not(active) }, to: ['same', 'unsubmitted'] },
  hold: { where: { status: ['open', 'on_hold'], request: not(active) }, to: ['on_hold', 'same'] },
  release_hold: { where: { status: ['on_hold'], request: 'any' }, to: ['open', 'same'] },
  reschedule: { where: { status: ['scheduled'], request: 'any' }, to: ['scheduled', 'same'] },
  open_scheduled: { where: { status: ['scheduled'], request: 'any' }, to: ['open', 'same'] },
  fulfil_by_merchant: { where: { status: ['open', 'in_progress'], request: not(active) }, to: ['closed', 'same'] },
  fulfil_by_service: { where: { managedBy: 'service', status: ['in_progress'], request: ['accepted', 'cancellation_requested', 'cancellation_rejected'] }, to: ['closed', 'same'] },
};

const inside = (w: Where, m: Manager, s: FoStatus, r: FoRequestStatus) =>
  (!w.managedBy || w.managedBy === (m === 'merchant' ? 'merchant' : 'service')) && (w.status === 'any' || w.status.includes(s)) && (w.request === 'any' || w.request.includes(r));

describe('fulfillment orders: the whole (state × action) table', () => {
  let n = 0;
  const ids = () => `new${++n}`;
  for (const [name, action] of Object.entries(actions)) {
    it(`${name}: legal exactly where §1.8 says, with the state it says; refused elsewhere, naming the state and the action, changing nothing`, () => {
      const rule = legal[name]!;
      for (const m of managers) {
        for (const s of statuses) {
          for (const r of requests) {
            const before = fo(m, s, r);
            const frozen = structuredClone(before);
            const result = applyFoAction([before], 'fo1', action, ids);
            expect(before, 'the input is never changed').toEqual(frozen);
            // A closed FO has shipped everything: what needs items left to ship is refused on it.
            const needsItems = ['request_fulfillment', 'move', 'fulfil_by_merchant', 'fulfil_by_service'].includes(name);
            const allowed = inside(rule.where, m, s, r) && !(needsItems && s === 'closed') && !(rule.notLegacy && m === 'legacy');
            const where = `${name} on ${m}/${s}/${r}`;
            if (!allowed) {
              expect(result.ok, where).toBe(false);
              if (!result.ok) {
                expect(result.reason, where).toContain(`fulfillment order fo1: its status is ${s.replace('_', ' ')}`);
                expect(result.reason, where).toMatch(/^cannot /);
                // And by code, for the order page to say it in the user's language.
                expect(FoRefusalCode.options, where).toContain(result.refusal.code);
                // On the legacy workflow a cancellation the new workflow would take is refused for that reason.
                if (rule.notLegacy && m === 'legacy' && inside(rule.where, m, s, r)) expect(result.reason, where).toMatch(/legacy workflow: once requested, fulfillment cannot be cancelled from the app; contact the fulfillment service/);
              }
              continue;
            }
            expect(result.ok, where).toBe(true);
            if (!result.ok) continue;
            const after = result.fos.find((f) => f.id === 'fo1')!;
            const [toStatus, toRequest] = rule.to;
            expect(after.status, where).toBe(toStatus === 'same' ? s : toStatus);
            expect(after.requestStatus, where).toBe(toRequest === 'same' ? r : toRequest);
            if (rule.replaces) {
              // The work not shipped goes to a new open, unsubmitted FO: "back to Unfulfilled".
              expect(result.fos.find((f) => f.id !== 'fo1'), where).toMatchObject({ status: 'open', requestStatus: 'unsubmitted', lines: [{ id: 'a', quantity: 2 }, { id: 'b', quantity: 1 }] });
            }
          }
        }
      }
    });
  }

  it('reverting a fulfillment gives its items back, reopens the FO and warns that the service is not stopped', () => {
    const shipped = applyFoAction([fo('merchant', 'open', 'unsubmitted')], 'fo1', actions['fulfil_by_merchant']!, () => 'f1');
    expect(shipped.ok && shipped.fos[0]!.status).toBe('closed');
    if (!shipped.ok) return;
    const reverted = applyFoAction(shipped.fos, 'fo1', { kind: 'revert_fulfillment', fulfillmentId: 'f1' }, () => 'x');
    expect(reverted.ok).toBe(true);
    if (!reverted.ok) return;
    expect(reverted.fos[0]).toMatchObject({ status: 'open', lines: [{ fulfilled: 0 }, { fulfilled: 0 }], fulfillments: [{ id: 'f1', status: 'cancelled' }] });
    expect(reverted.warning).toMatch(/does not stop the fulfillment service.*check the inventory/);
    expect(applyFoAction(reverted.fos, 'fo1', { kind: 'revert_fulfillment', fulfillmentId: 'f1' }, () => 'x')).toMatchObject({ ok: false, reason: expect.stringContaining('already reverted') });
  });

  it('a partial request leaves the rest in a new unsubmitted FO; the order is fulfilled only when every item has shipped', () => {
    let fos: FulfillmentOrder[] = [fo('service', 'open', 'unsubmitted')];
    const step = (foId: string, action: FoAction, id = 'x') => {
      const r = applyFoAction(fos, foId, action, () => id);
      if (!r.ok) throw new Error(r.reason);
      fos = r.fos;
      return r;
    };
    expect(step('fo1', { kind: 'request_fulfillment', lines: [{ lineId: 'a', quantity: 1 }] }, 'fo2').created).toEqual(['fo2']);
    expect(fos.map((f) => [f.id, f.requestStatus, f.lines.map((l) => `${l.id}×${l.quantity}`).join(' ')])).toEqual([['fo1', 'submitted', 'a×1'], ['fo2', 'unsubmitted', 'a×1 b×1']]);
    step('fo1', { kind: 'accept_request' });
    step('fo1', { kind: 'fulfil', by: 'service', trackingNumber: 'T1' }, 'f1');
    expect(orderFulfillment(fos)).toBe('partial');
    step('fo2', { kind: 'fulfil', by: 'merchant', lines: [{ lineId: 'a', quantity: 1 }] }, 'f2');
    expect(orderFulfillment(fos)).toBe('partial');
    expect(foDisplay(fos[1]!)).toEqual({ state: 'in_progress', detail: null });
    step('fo2', { kind: 'fulfil', by: 'merchant' }, 'f3');
    expect(orderFulfillment(fos)).toBe('fulfilled');
    expect(applyFoAction(fos, 'fo2', { kind: 'fulfil', by: 'merchant' }, () => 'f4')).toMatchObject({ ok: false, reason: expect.stringContaining('status is closed') });
  });

  it('legacy workflow: before requesting the order can still be cancelled; after, the reason says to contact the service', () => {
    const before = applyFoAction([fo('legacy', 'open', 'unsubmitted')], 'fo1', { kind: 'cancel_request' }, () => 'x');
    expect(before).toMatchObject({ ok: false, reason: expect.stringContaining('no request has been sent, so the order itself can still be cancelled') });
    const requested = applyFoAction([fo('legacy', 'open', 'unsubmitted')], 'fo1', { kind: 'request_fulfillment', lines: [{ lineId: 'a', quantity: 1 }] }, () => 'fo2');
    if (!requested.ok) throw new Error(requested.reason);
    // The part left unrequested stays with the same service, on the same workflow.
    expect(requested.fos.map((f) => [f.id, f.requestStatus, f.workflow])).toEqual([['fo1', 'submitted', 'legacy'], ['fo2', 'unsubmitted', 'legacy']]);
    expect(applyFoAction(requested.fos, 'fo1', { kind: 'cancel_request' }, () => 'x')).toEqual({
      ok: false,
      reason: 'cannot cancel the fulfillment request on fulfillment order fo1: its status is open and its request submitted; its fulfillment service uses the legacy workflow: once requested, fulfillment cannot be cancelled from the app; contact the fulfillment service to cancel it',
      refusal: { code: 'legacy_after_request', args: {} },
    });
  });

  it('a move takes the destination\'s name, and the reason stays with the FO', () => {
    const moved = applyFoAction([{ ...fo('legacy', 'open', 'rejected'), locationName: 'Old 3PL' }], 'fo1', { kind: 'move', locationId: 'loc9', locationName: 'Kho Hà Nội', managedBy: 'merchant', reason: 'tự giao' }, () => 'x');
    expect(moved.ok && moved.fos[0]).toMatchObject({ locationId: 'loc9', locationName: 'Kho Hà Nội', managedBy: 'merchant', requestStatus: 'unsubmitted', message: 'tự giao' });
    expect(moved.ok && 'workflow' in moved.fos[0]!).toBe(false);
  });

  it('refuses a quantity beyond what is left, and an FO the order does not have', () => {
    const fos = [fo('merchant', 'open', 'unsubmitted')];
    expect(applyFoAction(fos, 'fo1', { kind: 'fulfil', by: 'merchant', lines: [{ lineId: 'a', quantity: 3 }] }, () => 'x')).toMatchObject({ ok: false, reason: expect.stringContaining('line a has 2 left to ship, not 3') });
    expect(applyFoAction(fos, 'nope', { kind: 'hold', reason: 'x' }, () => 'x')).toMatchObject({ ok: false, reason: expect.stringContaining('no fulfillment order nope') });
  });
});

/** What must hold of an order's FOs whatever was done to them. */
function checkInvariants(fos: readonly FulfillmentOrder[], ordered: Record<string, number>): void {
  expect(new Set(fos.map((f) => f.id)).size).toBe(fos.length);
  const perLine: Record<string, number> = {};
  for (const f of fos) {
    for (const l of f.lines) {
      expect(l.fulfilled).toBeGreaterThanOrEqual(0);
      expect(l.fulfilled).toBeLessThanOrEqual(l.quantity);
      perLine[l.id] = (perLine[l.id] ?? 0) + l.quantity;
    }
    if (f.status === 'closed') expect(remaining(f)).toBe(0);
    if (f.status === 'cancelled') expect(f.lines.every((l) => l.fulfilled === l.quantity)).toBe(true);
    if (f.managedBy === 'merchant') expect(['unsubmitted', 'closed', 'cancellation_accepted', 'rejected']).toContain(f.requestStatus);
    expect(f.status === 'on_hold').toBe(f.holds.length > 0);
    const shippedByFulfillments = f.fulfillments.filter((x) => x.status === 'success').flatMap((x) => x.lines).reduce((n, x) => n + x.quantity, 0);
    expect(shippedByFulfillments).toBe(f.lines.reduce((n, l) => n + l.fulfilled, 0));
  }
  // No item is lost or made up by splits, moves, replacements and reverts.
  expect(perLine).toEqual(ordered);
  const everyShipped = fos.filter((f) => f.status !== 'cancelled').every((f) => remaining(f) === 0);
  expect(orderFulfillment(fos) === 'fulfilled').toBe(everyShipped);
}

const kinds: FoActionKind[] = ['request_fulfillment', 'accept_request', 'reject_request', 'cancel_request', 'request_cancellation', 'accept_cancellation', 'reject_cancellation', 'close_incomplete', 'move', 'hold', 'release_hold', 'reschedule', 'open_scheduled', 'fulfil', 'revert_fulfillment'];

const stepArb = fc.record({
  kind: fc.constantFrom(...kinds),
  fo: fc.nat(10),
  line: fc.constantFrom('a', 'b', 'c'),
  quantity: fc.integer({ min: 1, max: 3 }),
  partial: fc.boolean(),
  to: fc.constantFrom('merchant', 'service'),
  by: fc.constantFrom('merchant', 'service'),
  fulfillment: fc.nat(5),
});

describe('fulfillment orders under random sequences of actions', () => {
  it('never reach an inconsistent state, and every refusal leaves the state as it was', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 40 }), (steps) => {
        const ordered = { a: 2, b: 1, c: 3, d: 2 };
        let fos: FulfillmentOrder[] = [
          { ...fo('merchant', 'open', 'unsubmitted'), id: 'fo1', lines: [{ id: 'a', quantity: 2, fulfilled: 0 }, { id: 'b', quantity: 1, fulfilled: 0 }] },
          { ...fo('service', 'open', 'unsubmitted'), id: 'fo2', locationId: 'wh', lines: [{ id: 'c', quantity: 3, fulfilled: 0 }] },
          { ...fo('legacy', 'open', 'unsubmitted'), id: 'fo3', locationId: 'old3pl', lines: [{ id: 'd', quantity: 2, fulfilled: 0 }] },
        ];
        let n = 0;
        for (const s of steps) {
          const target = fos[s.fo % fos.length]!;
          const lines = s.partial ? [{ lineId: s.line, quantity: s.quantity }] : undefined;
          const fulfillmentId = target.fulfillments[s.fulfillment % Math.max(1, target.fulfillments.length)]?.id ?? 'none';
          const action: FoAction =
            s.kind === 'request_fulfillment' ? { kind: s.kind, ...(lines ? { lines } : {}) }
              : s.kind === 'move' ? { kind: s.kind, locationId: `loc-${s.to}-${s.quantity}`, managedBy: s.to }
                : s.kind === 'hold' ? { kind: s.kind, reason: 'OTHER' }
                  : s.kind === 'reschedule' ? { kind: s.kind, fulfillAt: '2027-01-01T00:00:00Z' }
                    : s.kind === 'fulfil' ? { kind: s.kind, by: s.by, ...(lines ? { lines } : {}) }
                      : s.kind === 'revert_fulfillment' ? { kind: s.kind, fulfillmentId }
                        : { kind: s.kind } as FoAction;
          const before = structuredClone(fos);
          const result = applyFoAction(fos, target.id, action, () => `n${++n}`);
          expect(fos).toEqual(before);
          if (!result.ok) {
            expect(result.reason).toMatch(/^cannot .* on fulfillment order /);
            continue;
          }
          // A legacy service's FO (and what splits off it) never has its request cancelled from the app.
          if (target.workflow === 'legacy') expect(['cancel_request', 'request_cancellation']).not.toContain(action.kind);
          fos = result.fos;
          checkInvariants(fos, ordered);
        }
      }),
      { numRuns: 500 },
    );
  });
});
