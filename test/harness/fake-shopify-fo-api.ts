import { DEFAULT_LOCATION, FoStore, type FakeFo, type FoSeed } from './fake-shopify-fo.ts';

/**
 * The fulfillment-order part of the local Shopify Admin GraphQL (reference/platform-apis.md
 * §1.5): the FO nodes, the merchant's mutations (each refused with `userErrors` unless the FO's
 * `supportedActions` lists its action, and applied as platform-webhooks.md §1.8 says), the
 * fulfillments, and the helpers with which a test plays the fulfillment service.
 */
type RestOrder = Record<string, any>;
type Args = Record<string, any>;

export interface FoFakeHelpers {
  /** Replaces the order's FOs with these; answers them (ids as the fake keeps them: numbers). */
  seed(orderId: number, fos: FoSeed[]): FakeFo[];
  /** A location the fake knows (a move's destination): `service` is a 3PL's handle; `unstocked` is listed for a move but refuses it. */
  location(id: number, name: string, service?: string | null, more?: { legacy?: boolean; unstocked?: boolean }): void;
  accept(foId: number | string, message?: string): void;
  reject(foId: number | string, message?: string): void;
  acceptCancellation(foId: number | string, message?: string): void;
  rejectCancellation(foId: number | string, message?: string): void;
  closeIncomplete(foId: number | string, message?: string): void;
  /** The service ships what it accepted (all that is left when no lines are named); answers the fulfillment's gid. */
  ship(foId: number | string, tracking?: { number: string; company?: string }): string;
  /** A copy of the FO as the fake has it, with its gid and `supportedActions`. */
  state(foId: number | string): FakeFo & { gid: string; supportedActions: string[] };
}

export const gidOf = (type: string, id: number | string): string => `gid://shopify/${type}/${id}`;
const lower = (s: string) => s.toLowerCase().replaceAll('_', ' ');

export function createFoApi(deps: { orders: Map<number, RestOrder>; now: () => number; touch: (o: RestOrder) => void; time: (ms: number) => string }) {
  const store = new FoStore();
  const { orders } = deps;
  const userErrors = (message: string, code: string | null = null, field = ['id']) => [{ field, message, code }];
  const foUnknown = (id: string) => userErrors(`Fulfillment order does not exist: ${id}`, 'FULFILLMENT_ORDER_NOT_FOUND');
  const notAllowed = (fo: FakeFo, what: string) =>
    userErrors(`Fulfillment order ${gidOf('FulfillmentOrder', fo.id)} cannot ${what}: its status is ${lower(fo.status)} and its request status ${lower(fo.requestStatus)}.`, 'INVALID_FULFILLMENT_ORDER_STATE');

  const fulfillmentNode = (f: RestOrder) => ({
    __typename: 'Fulfillment',
    id: f.admin_graphql_api_id,
    status: String(f.status).toUpperCase(),
    trackingInfo: (f.tracking_numbers ?? []).map((n: string, i: number) => ({ __typename: 'FulfillmentTrackingInfo', number: n, company: f.tracking_company, url: f.tracking_urls?.[i] ?? null })),
    fulfillmentLineItems: { nodes: (f.fo_lines ?? []).map((l: RestOrder) => ({ __typename: 'FulfillmentLineItem', quantity: l.quantity, lineItem: { __typename: 'LineItem', id: gidOf('LineItem', l.line_item_id) } })) },
  });

  const foNode = (fo: FakeFo) => {
    const loc = store.location(fo.locationId);
    const o = orders.get(fo.orderId);
    return {
      __typename: 'FulfillmentOrder',
      id: gidOf('FulfillmentOrder', fo.id),
      status: fo.status,
      requestStatus: fo.requestStatus,
      fulfillAt: fo.fulfillAt,
      updatedAt: o?.updated_at ?? null,
      assignedLocation: { __typename: 'FulfillmentOrderAssignedLocation', name: loc.name, location: { __typename: 'Location', id: gidOf('Location', loc.id), name: loc.name, fulfillmentService: loc.service ? { __typename: 'FulfillmentService', handle: loc.service, serviceName: loc.name } : null } },
      supportedActions: store.supportedActions(fo).map((action) => ({ __typename: 'FulfillmentOrderSupportedAction', action })),
      lineItems: { nodes: fo.lines.map((l) => ({ __typename: 'FulfillmentOrderLineItem', id: gidOf('FulfillmentOrderLineItem', l.id), totalQuantity: l.total, remainingQuantity: l.remaining, lineItem: { __typename: 'LineItem', id: gidOf('LineItem', l.lineItemId), title: l.title, sku: l.sku } })) },
      fulfillmentHolds: fo.holds.map((h) => ({ __typename: 'FulfillmentHold', id: gidOf('FulfillmentHold', h.id), reason: h.reason, reasonNotes: h.reasonNotes, handle: h.handle })),
      // Every other location the shop has, as Shopify lists them for a move: one without the items is not movable, and says why.
      locationsForMove: {
        nodes: [...store.locations.values()].filter((l) => l.id !== fo.locationId).map((l) => ({
          __typename: 'FulfillmentOrderLocationForMove',
          movable: !l.unstocked,
          message: l.unstocked ? 'No inventory is stocked at this location.' : null,
          location: { __typename: 'Location', id: gidOf('Location', l.id), name: l.name, fulfillmentService: l.service ? { __typename: 'FulfillmentService', handle: l.service, serviceName: l.name } : null },
        })),
      },
      merchantRequests: { nodes: fo.requests.map((r) => ({ __typename: 'FulfillmentOrderMerchantRequest', kind: r.kind, message: r.message })) },
      fulfillments: { nodes: (o?.fulfillments ?? []).filter((f: RestOrder) => (f.fo_lines ?? []).some((l: RestOrder) => l.fo_id === fo.id)).map(fulfillmentNode) },
      order: o ? { __typename: 'Order', id: o.admin_graphql_api_id, legacyResourceId: String(o.id), name: o.name } : null,
    };
  };
  const node = (fo: FakeFo | null | undefined) => (fo ? foNode(fo) : null);

  /** The order's fulfilment status from its FOs: fulfilled when nothing is left anywhere, partial when something shipped. */
  function orderStatus(o: RestOrder): void {
    const fos = store.ofOrder(o.id).filter((f) => f.status !== 'CANCELLED');
    const left = fos.reduce((n, f) => n + store.left(f), 0);
    const shipped = fos.some((f) => f.lines.some((l) => l.total > l.remaining));
    o.fulfillment_status = left === 0 && shipped ? 'fulfilled' : shipped ? 'partial' : null;
    deps.touch(o);
  }

  /** Records a fulfillment of `taken` on each FO (all one order and location), as the REST order keeps it. */
  function ship(group: { fo: FakeFo; taken: Map<number, number> }[], t: Args, notify: boolean): RestOrder {
    const o = orders.get(group[0]!.fo.orderId)!;
    const foLines = group.flatMap(({ fo, taken }) => fo.lines.filter((l) => taken.has(l.id)).map((l) => ({ fo_id: fo.id, line_id: l.id, line_item_id: l.lineItemId, quantity: taken.get(l.id)! })));
    for (const { fo, taken } of group) {
      for (const l of fo.lines) l.remaining -= taken.get(l.id) ?? 0;
      store.settle(fo);
    }
    const id = 255858046 + (o.fulfillments?.length ?? 0) + o.id;
    const f = {
      id, admin_graphql_api_id: gidOf('Fulfillment', id), order_id: o.id, status: 'success', name: `${o.name}.${(o.fulfillments?.length ?? 0) + 1}`,
      created_at: deps.time(deps.now()), updated_at: deps.time(deps.now()), service: 'manual', shipment_status: null, location_id: group[0]!.fo.locationId,
      tracking_company: t.company ?? null, tracking_number: t.number ?? null, tracking_numbers: t.number ? [t.number] : [],
      tracking_url: t.url ?? null, tracking_urls: t.url ? [t.url] : [], notify_customer: notify,
      line_items: (o.line_items ?? []).flatMap((li: RestOrder) => {
        const q = foLines.filter((l) => l.line_item_id === li.id).reduce((n, l) => n + l.quantity, 0);
        return q > 0 ? [{ ...li, quantity: q }] : [];
      }),
      fo_lines: foLines,
    };
    o.fulfillments = [...(o.fulfillments ?? []), f];
    orderStatus(o);
    return f;
  }

  /** A merchant mutation on one FO: unknown id and unsupported action answer userErrors and change nothing. */
  const onFo = (action: string | null, what: string, payload: (fo: FakeFo | null) => Args, act: (fo: FakeFo, a: Args) => Args | string) => (a: Args): Args => {
    const fo = store.find(String(a['id']));
    if (!fo) return { ...payload(null), userErrors: foUnknown(String(a['id'])) };
    if (action && !store.supportedActions(fo).includes(action)) return { ...payload(fo), userErrors: notAllowed(fo, what) };
    const out = act(fo, a);
    if (typeof out === 'string') return { ...payload(fo), userErrors: userErrors(out) };
    deps.touch(orders.get(fo.orderId)!);
    return { ...payload(fo), ...out, userErrors: [] };
  };
  const plain = (fo: FakeFo | null) => ({ fulfillmentOrder: node(fo) });

  const resolvers: Record<string, (args: Args) => unknown> = {
    fulfillmentOrder: (a) => node(store.find(String(a['id']))),
    fulfillment: (a) => {
      const f = [...orders.values()].flatMap((o) => o.fulfillments ?? []).find((x: RestOrder) => x.admin_graphql_api_id === a['id']);
      return f ? fulfillmentNode(f) : null;
    },
    fulfillmentOrderSubmitFulfillmentRequest: onFo('REQUEST_FULFILLMENT', 'be requested', (fo) => ({ originalFulfillmentOrder: node(fo), submittedFulfillmentOrder: null, unsubmittedFulfillmentOrder: null }), (fo, a) => {
      const taken = store.pick(fo, a.fulfillmentOrderLineItems);
      if (typeof taken === 'string') return taken;
      const rest = store.splitOff(fo, taken);
      fo.status = 'OPEN';
      fo.requestStatus = 'SUBMITTED';
      fo.requests.push({ kind: 'FULFILLMENT_REQUEST', message: a.message ?? null });
      return { originalFulfillmentOrder: node(fo), submittedFulfillmentOrder: node(fo), unsubmittedFulfillmentOrder: node(rest) };
    }),
    fulfillmentOrderCancel: onFo('CANCEL_FULFILLMENT_ORDER', 'be cancelled', (fo) => ({ fulfillmentOrder: node(fo), replacementFulfillmentOrder: null }), (fo) => {
      const replacement = store.handOver(fo);
      return { fulfillmentOrder: node(fo), replacementFulfillmentOrder: node(replacement) };
    }),
    fulfillmentOrderSubmitCancellationRequest: onFo('REQUEST_CANCELLATION', 'have its cancellation requested', plain, (fo, a) => {
      fo.requestStatus = 'CANCELLATION_REQUESTED';
      fo.requests.push({ kind: 'CANCELLATION_REQUEST', message: a.message ?? null });
      return plain(fo);
    }),
    fulfillmentOrderMove: onFo('MOVE', 'be moved', (fo) => ({ movedFulfillmentOrder: null, originalFulfillmentOrder: node(fo), remainingFulfillmentOrder: null }), (fo, a) => {
      const dest = Number(/(\d+)$/.exec(String(a.newLocationId))?.[1]);
      if (!store.locations.has(dest) || store.location(dest).unstocked) return `Location does not exist or does not stock the items: ${a.newLocationId}`;
      if (dest === fo.locationId) return 'Cannot move a fulfillment order to the location it is already assigned to.';
      if (store.activeRequest(fo)) return 'Cannot move a fulfillment order with an active fulfillment request.';
      if (fo.lines.some((l) => l.total > l.remaining)) {
        const moved = store.handOver(fo, dest);
        return { movedFulfillmentOrder: node(moved), originalFulfillmentOrder: node(fo) };
      }
      fo.locationId = dest;
      fo.requestStatus = 'UNSUBMITTED';
      return { movedFulfillmentOrder: node(fo), originalFulfillmentOrder: node(fo) };
    }),
    fulfillmentOrderHold: (a) => {
      const fo = store.find(String(a['id']));
      const handle = a['fulfillmentHold']?.handle ?? null;
      // Shopify's duplicate-handle refusal (reference §1.5), whatever the FO's state.
      if (fo && handle && fo.holds.some((h) => h.handle === handle)) {
        return { fulfillmentOrder: node(fo), remainingFulfillmentOrder: null, fulfillmentHold: null, userErrors: userErrors('The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.', 'DUPLICATE_FULFILLMENT_HOLD_HANDLE', ['fulfillmentHold', 'handle']) };
      }
      return onFo('HOLD', 'be placed on hold', (x) => ({ fulfillmentOrder: node(x), remainingFulfillmentOrder: null, fulfillmentHold: null }), (x) => {
        const h = { id: store.newHoldId(), reason: a['fulfillmentHold'].reason, reasonNotes: a['fulfillmentHold'].reasonNotes ?? null, handle };
        x.holds.push(h);
        x.status = 'ON_HOLD';
        return { fulfillmentOrder: node(x), fulfillmentHold: { __typename: 'FulfillmentHold', id: gidOf('FulfillmentHold', h.id), handle, reason: h.reason } };
      })(a);
    },
    fulfillmentOrderReleaseHold: onFo('RELEASE_HOLD', 'be released', plain, (fo) => {
      fo.holds = [];
      fo.status = fo.fulfillAt && Date.parse(fo.fulfillAt) > deps.now() ? 'SCHEDULED' : 'OPEN';
      return plain(fo);
    }),
    fulfillmentOrderOpen: onFo('MARK_AS_OPEN', 'be opened', plain, (fo) => {
      fo.status = 'OPEN';
      return plain(fo);
    }),
    fulfillmentOrderReschedule: onFo(null, 'be rescheduled', plain, (fo, a) => {
      if (fo.status !== 'SCHEDULED') return 'Fulfillment order must be scheduled to be rescheduled.';
      fo.fulfillAt = a.fulfillAt;
      return plain(fo);
    }),
    fulfillmentCreate: ({ fulfillment }) => {
      const none = { fulfillment: null };
      const asked: Args[] = fulfillment.lineItemsByFulfillmentOrder ?? [];
      const group = asked.map((l) => ({ fo: store.find(String(l['fulfillmentOrderId'])), items: l['fulfillmentOrderLineItems'] }));
      if (group.length === 0 || group.some((g) => !g.fo)) return { ...none, userErrors: userErrors('Fulfillment order does not exist.', null, ['fulfillment']) };
      const fos = group.map((g) => g.fo!);
      if (new Set(fos.map((fo) => fo.orderId)).size > 1 || new Set(fos.map((fo) => fo.locationId)).size > 1) {
        return { ...none, userErrors: userErrors('All fulfillment orders must belong to the same order and location.', null, ['fulfillment']) };
      }
      if (fos.some((fo) => !store.supportedActions(fo).includes('CREATE_FULFILLMENT'))) return { ...none, userErrors: userErrors('Fulfillment order is not in a fulfillable state.', null, ['fulfillment']) };
      const picked = group.map((g) => ({ fo: g.fo!, taken: store.pick(g.fo!, g.items) }));
      const bad = picked.find((p) => typeof p.taken === 'string');
      if (bad) return { ...none, userErrors: userErrors(bad.taken as string, null, ['fulfillment']) };
      const f = ship(picked as { fo: FakeFo; taken: Map<number, number> }[], fulfillment.trackingInfo ?? {}, fulfillment.notifyCustomer ?? false);
      return { fulfillment: fulfillmentNode(f), userErrors: [] };
    },
    fulfillmentCancel: ({ id }) => {
      const o = [...orders.values()].find((x) => (x.fulfillments ?? []).some((f: RestOrder) => f.admin_graphql_api_id === id));
      const f = o?.fulfillments.find((x: RestOrder) => x.admin_graphql_api_id === id);
      if (!o || !f) return { fulfillment: null, userErrors: userErrors('Fulfillment does not exist.') };
      if (f.status === 'cancelled') return { fulfillment: fulfillmentNode(f), userErrors: userErrors('Fulfillment is already cancelled.') };
      f.status = 'cancelled';
      for (const l of f.fo_lines ?? []) {
        const fo = store.get(l.fo_id);
        const line = fo.lines.find((x) => x.id === l.line_id);
        if (line) line.remaining += l.quantity;
        // A service's request is over once its fulfillment is reverted: the work is the merchant's again.
        if (store.isService(fo) && fo.requestStatus !== 'UNSUBMITTED') fo.requestStatus = 'CLOSED';
        store.settle(fo);
      }
      orderStatus(o);
      return { fulfillment: fulfillmentNode(f), userErrors: [] };
    },
  };
  const scopeOf = (name: string, args: Args): string | null | undefined => {
    if (name === 'fulfillmentOrder') return 'read_merchant_managed_fulfillment_orders';
    if (name === 'fulfillment') return 'read_orders';
    if (!(name in resolvers)) return undefined;
    const fo = store.find(String(args['id'] ?? args['fulfillment']?.lineItemsByFulfillmentOrder?.[0]?.fulfillmentOrderId ?? ''));
    return fo && store.isService(fo) ? 'write_third_party_fulfillment_orders' : 'write_merchant_managed_fulfillment_orders';
  };

  /** The service's side, for tests: each step only from the state §1.8 allows it in, else the test is wrong and is told so. */
  const serviceStep = (foId: number | string, from: { status: string; request: string[] }, step: (fo: FakeFo) => void, message?: string) => {
    const fo = store.get(foId);
    if (!store.isService(fo) || fo.status !== from.status || !from.request.includes(fo.requestStatus)) {
      throw new Error(`the fake's fulfillment service cannot do that to ${gidOf('FulfillmentOrder', fo.id)}: it is ${lower(fo.status)} / ${lower(fo.requestStatus)} at ${store.location(fo.locationId).name}`);
    }
    step(fo);
    if (message !== undefined) fo.serviceMessages.push(message);
    deps.touch(orders.get(fo.orderId)!);
  };
  const helpers: FoFakeHelpers = {
    seed(orderId, seeds) {
      const o = orders.get(orderId);
      if (!o) throw new Error(`no order ${orderId} in the fake`);
      for (const old of store.ofOrder(orderId)) store.fos.splice(store.fos.indexOf(old), 1);
      return seeds.map((seed) => {
        const at = seed.location;
        const loc = typeof at === 'number' ? store.location(at) : at ? store.location(at.id, at.name, at.service ?? null, at.legacy ? { legacy: true } : {}) : DEFAULT_LOCATION;
        const items: RestOrder[] = o.line_items ?? [];
        const lines = (seed.lines ?? items.map((li): NonNullable<FoSeed['lines']>[number] => ({ quantity: Number(li.quantity) }))).map((l, i) => ({
          lineItemId: l.lineItemId ?? items[i]?.id ?? 9000 + i, title: l.title ?? items[i]?.title ?? `Item ${i + 1}`, sku: l.sku ?? items[i]?.sku ?? null,
          total: l.quantity, remaining: l.quantity - (l.fulfilled ?? 0),
        }));
        const fo = store.newFo(orderId, loc.id, lines, seed.id);
        fo.status = seed.status ?? 'OPEN';
        fo.requestStatus = seed.requestStatus ?? 'UNSUBMITTED';
        fo.fulfillAt = seed.fulfillAt ?? null;
        return fo;
      });
    },
    location: (id, name, service = null, more = {}) => void store.location(id, name, service, more),
    accept: (id, message) => serviceStep(id, { status: 'OPEN', request: ['SUBMITTED'] }, (fo) => ((fo.status = 'IN_PROGRESS'), (fo.requestStatus = 'ACCEPTED')), message),
    reject: (id, message) => serviceStep(id, { status: 'OPEN', request: ['SUBMITTED'] }, (fo) => (fo.requestStatus = 'REJECTED'), message),
    acceptCancellation: (id, message) => serviceStep(id, { status: 'IN_PROGRESS', request: ['CANCELLATION_REQUESTED'] }, (fo) => {
      fo.requestStatus = 'CANCELLATION_ACCEPTED';
      store.handOver(fo);
    }, message),
    rejectCancellation: (id, message) => serviceStep(id, { status: 'IN_PROGRESS', request: ['CANCELLATION_REQUESTED'] }, (fo) => (fo.requestStatus = 'CANCELLATION_REJECTED'), message),
    closeIncomplete: (id, message) => serviceStep(id, { status: 'IN_PROGRESS', request: ['ACCEPTED'] }, (fo) => ((fo.status = 'INCOMPLETE'), (fo.requestStatus = 'CLOSED')), message),
    ship(id, tracking) {
      let gid = '';
      serviceStep(id, { status: 'IN_PROGRESS', request: ['ACCEPTED', 'CANCELLATION_REQUESTED', 'CANCELLATION_REJECTED'] }, (fo) => {
        gid = ship([{ fo, taken: store.pick(fo, null) as Map<number, number> }], tracking ?? {}, true).admin_graphql_api_id;
      });
      return gid;
    },
    state(id) {
      const fo = store.get(id);
      return { ...structuredClone(fo), gid: gidOf('FulfillmentOrder', fo.id), supportedActions: store.supportedActions(fo) };
    },
  };

  return { store, resolvers, scopeOf, foNode, fulfillmentNode, helpers };
}
