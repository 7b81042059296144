import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { FoRefusalCode, merchantFoActions, type FoView, type FulfillmentOrder, type OrderFulfillmentDto } from '../../../engine/contract/index.ts';
import en from '../../i18n/locales/en/fulfillment.json';
import vi from '../../i18n/locales/vi/fulfillment.json';
import { emptyFoForm, foActionFrom, holdReasons } from './fo-action-input.ts';
import { actionFailure, foButtons, foLineRows, foStateTone, foStateWords, orderLevelActions, orderParcels, refetchesPanel, safeTrackingUrl } from './fo-panel-view.ts';

const words = {} as Record<'en' | 'vi', TFunction>;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { fulfillment: en }, vi: { fulfillment: vi } }, lng: 'en', ns: ['fulfillment'], defaultNS: 'fulfillment', interpolation: { escapeValue: false } });
  words.en = i18n.getFixedT('en', 'fulfillment');
  words.vi = i18n.getFixedT('vi', 'fulfillment');
});

const fo: FulfillmentOrder = {
  id: 'gid://shopify/FulfillmentOrder/1046',
  locationId: 'gid://shopify/Location/7',
  locationName: 'ShipBob',
  managedBy: 'service',
  status: 'in_progress',
  requestStatus: 'accepted',
  lines: [
    { id: 'l1', quantity: 2, fulfilled: 1, title: ' Áo thun ', sku: 'AT-01' },
    { id: 'l2', quantity: 1, fulfilled: 1, title: null, sku: '' },
  ],
  holds: [],
  fulfillAt: null,
  fulfillments: [
    { id: 'gid://shopify/Fulfillment/1', lines: [], trackingNumber: '1Z1', carrier: 'UPS', status: 'cancelled', by: 'service' },
    { id: 'gid://shopify/Fulfillment/2', lines: [], trackingNumber: '1Z2', carrier: 'UPS', status: 'success', by: 'merchant' },
  ],
  message: null,
};
const display = (state: FoView['display']['state'], detail: FoView['display']['detail'] = null): FoView['display'] => ({ state, detail });

describe('the FO panel’s words for a state', () => {
  it('says seed 003’s words, with the request’s detail, in both languages', () => {
    const cases: [FoView['display'], string, string][] = [
      [display('unfulfilled'), 'Unfulfilled', 'Chưa xử lý'],
      [display('in_progress', 'submitted'), 'In progress — Requested', 'Đang xử lý — Đã yêu cầu'],
      [display('in_progress', 'accepted'), 'In progress — Accepted', 'Đang xử lý — Đã chấp nhận'],
      [display('in_progress', 'cancellation_requested'), 'In progress — Cancellation requested', 'Đang xử lý — Đã yêu cầu hủy'],
      [display('on_hold'), 'On hold', 'Tạm giữ'],
      [display('scheduled'), 'Scheduled', 'Đã lên lịch'],
      [display('fulfilled'), 'Fulfilled', 'Đã xử lý'],
      [display('cancelled'), 'Cancelled', 'Đã hủy'],
      [display('incomplete'), 'Incomplete', 'Chưa hoàn tất'],
    ];
    for (const [d, inEnglish, inVietnamese] of cases) {
      expect(foStateWords(words.en, d)).toBe(inEnglish);
      expect(foStateWords(words.vi, d)).toBe(inVietnamese);
    }
    expect(foStateTone(display('unfulfilled', 'rejected'))).toBe('warn');
    expect(foStateTone(display('fulfilled'))).toBe('good');
    expect(foStateTone(display('in_progress', 'accepted'))).toBe('neutral');
  });

  it('has a Vietnamese word for every key the English has', () => {
    const keys = (o: object, at = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v as object, `${at}${k}.`) : [`${at}${k}`]));
    expect(keys(vi).sort()).toEqual(keys(en).sort());
    for (const r of holdReasons) expect(words.vi(`holdReason.${r}`)).not.toBe(words.en(`holdReason.${r}`));
  });
});

describe('the FO panel’s buttons', () => {
  it('shows every merchant action, the refused ones with the engine’s reason', () => {
    const actions = { request_cancellation: { allowed: true, reason: null }, move: { allowed: false, reason: 'cannot move a fulfillment order whose request was accepted' } };
    const buttons = foButtons(actions, true, 'off');
    expect(buttons.map((b) => b.kind)).toEqual([...merchantFoActions]);
    expect(buttons.find((b) => b.kind === 'request_cancellation')).toEqual({ kind: 'request_cancellation', allowed: true, reason: null, refusal: null, form: true });
    expect(buttons.find((b) => b.kind === 'move')).toMatchObject({ allowed: false, reason: 'cannot move a fulfillment order whose request was accepted' });
    // Not listed by the engine: disabled, not missing.
    expect(buttons.find((b) => b.kind === 'release_hold')).toEqual({ kind: 'release_hold', allowed: false, reason: null, refusal: null, form: false });
  });

  it('keeps the state machine\'s refusal code, which has words in both languages', () => {
    const refusal = { code: 'release_hold_first' as const, args: {} };
    const buttons = foButtons({ move: { allowed: false, reason: 'cannot move…; release the hold first', refusal } }, true, 'off');
    expect(buttons.find((b) => b.kind === 'move')).toMatchObject({ allowed: false, refusal });
    for (const code of FoRefusalCode.options) {
      expect(words.vi(`refusal.${code}`), code).not.toBe(`refusal.${code}`);
      expect(words.en(`refusal.${code}`), code).not.toBe(`refusal.${code}`);
    }
    expect(words.vi('refusal.release_hold_first')).toBe('hãy bỏ tạm giữ trước');
  });

  it('turns every action off with the panel’s reason when the connection has no API access', () => {
    const buttons = foButtons({ request_fulfillment: { allowed: true, reason: null } }, false, 'turn on API access');
    expect(buttons.every((b) => !b.allowed && b.reason === 'turn on API access')).toBe(true);
  });
});

describe('what the FO card shows', () => {
  it('lists lines with shipped of ordered, and only http(s) tracking links', () => {
    expect(foLineRows(fo, 'Item')).toEqual([
      { id: 'l1', title: 'Áo thun', sku: 'AT-01', progress: '1/2', done: false },
      { id: 'l2', title: 'Item', sku: null, progress: '1/1', done: true },
    ]);
    expect(safeTrackingUrl('https://track.example/1Z2')).toBe('https://track.example/1Z2');
    expect(safeTrackingUrl('javascript:alert(1)')).toBeNull();
    expect(safeTrackingUrl('not a url')).toBeNull();
  });

  it('lists every parcel of the order once: the order’s own and its FOs’ that stand', () => {
    const viewOf = (f: FulfillmentOrder) => ({ fo: f }) as unknown as FoView;
    const view = viewOf(fo);
    const parcels = orderParcels({
      shipments: [
        { id: 'gid://shopify/Fulfillment/2', trackingNumber: '1Z2', carrier: 'UPS', status: 'success' },
        { id: 'x', trackingNumber: 'OLD', status: 'cancelled' },
        { id: 'h1', trackingNumber: 'HRV-9', carrier: 'GHTK', status: 'success' },
      ],
      fulfillmentOrders: [view, viewOf({ ...fo, fulfillments: [{ id: 'gid://shopify/Fulfillment/3', lines: [], trackingNumber: 'HRV-9', carrier: null, status: 'success', by: 'service' }] })],
    });
    expect(parcels.map((p) => p.trackingNumber)).toEqual(['1Z2', 'HRV-9']);
    expect(orderParcels({ shipments: [], fulfillmentOrders: [view] }).map((p) => p.trackingNumber)).toEqual(['1Z2']);
  });

  it('reads again after this order’s FO steps and write-backs, not after other orders’ or its runs', () => {
    expect(refetchesPanel({ orderId: 'o1', kind: 'fulfillment' }, 'o1')).toBe(true);
    expect(refetchesPanel({ orderId: 'o1', kind: 'write_back' }, 'o1')).toBe(true);
    expect(refetchesPanel({ orderId: 'o2', kind: 'fulfillment' }, 'o1')).toBe(false);
    expect(refetchesPanel({ orderId: 'o1', kind: 'run' }, 'o1')).toBe(false);
  });

  it('offers the order-level actions of its model, refused when the engine did not list them', () => {
    const dto = { model: 'marketplace', orderActions: [{ action: 'marketplace.ready_to_ship', allowed: true, reason: null }] } as unknown as OrderFulfillmentDto;
    expect(orderLevelActions(dto)).toEqual([
      { action: 'marketplace.ready_to_ship', allowed: true, reason: null },
      { action: 'marketplace.cancel', allowed: false, reason: null },
    ]);
    expect(orderLevelActions({ ...dto, model: 'fulfillment_orders' })).toEqual([]);
    expect(actionFailure({ code: 'refused', message: 'cannot request cancellation of a fulfillment order in state open/unsubmitted' })).toEqual({
      refused: true,
      reason: 'cannot request cancellation of a fulfillment order in state open/unsubmitted',
    });
    expect(actionFailure({ code: 'internal', message: ' ' }).refused).toBe(false);
  });
});

describe('the inline forms’ actions', () => {
  it('builds each action from its form, leaving blank words out', () => {
    const v = { ...emptyFoForm(fo), message: '  Gói quà giúp mình  ', note: '   ' };
    expect(foActionFrom('request_fulfillment', v)).toEqual({ action: { kind: 'request_fulfillment', message: 'Gói quà giúp mình' } });
    expect(foActionFrom('request_cancellation', v)).toEqual({ action: { kind: 'request_cancellation' } });
    expect(foActionFrom('hold', { ...v, holdReason: 'INCORRECT_ADDRESS', note: 'Gọi khách' })).toEqual({ action: { kind: 'hold', reason: 'INCORRECT_ADDRESS', note: 'Gọi khách' } });
    expect(foActionFrom('fulfil', { ...v, trackingNumber: '1Z9', carrier: 'GHN', notifyCustomer: true })).toEqual({
      action: { kind: 'fulfil', by: 'merchant', trackingNumber: '1Z9', carrier: 'GHN', notifyCustomer: true },
    });
    expect(foActionFrom('cancel_request', v)).toEqual({ action: { kind: 'cancel_request' } });
  });

  it('asks for a move’s location, and reverts the last fulfillment that stands', () => {
    const v = emptyFoForm(fo);
    expect(v.fulfillmentId).toBe('gid://shopify/Fulfillment/2');
    expect(foActionFrom('move', v)).toEqual({ missing: 'locationId' });
    expect(foActionFrom('move', { ...v, locationId: ' gid://shopify/Location/9 ', reason: 'Kho HN còn hàng' })).toEqual({
      action: { kind: 'move', locationId: 'gid://shopify/Location/9', managedBy: 'merchant', reason: 'Kho HN còn hàng' },
    });
    expect(foActionFrom('revert_fulfillment', v)).toEqual({ action: { kind: 'revert_fulfillment', fulfillmentId: 'gid://shopify/Fulfillment/2' } });
    expect(foActionFrom('revert_fulfillment', emptyFoForm({ ...fo, fulfillments: [] }))).toEqual({ missing: 'fulfillmentId' });
    expect(foActionFrom('request_fulfillment', { ...v, message: 'x'.repeat(5001) })).toEqual({ missing: 'invalid' });
  });

  it('sends chosen lines and quantities; all that is left sends no lines (the platform ships everything)', () => {
    const three: FulfillmentOrder = { ...fo, lines: [{ id: 'a', quantity: 3, fulfilled: 1 }, { id: 'b', quantity: 1, fulfilled: 0 }, { id: 'c', quantity: 1, fulfilled: 1 }] };
    const v = emptyFoForm(three);
    // Only what is left is offered, and by default all of it.
    expect(v.remaining).toEqual({ a: 2, b: 1 });
    expect(foActionFrom('fulfil', v)).toEqual({ action: { kind: 'fulfil', by: 'merchant', notifyCustomer: false } });
    expect(foActionFrom('fulfil', { ...v, quantities: { a: 1, b: 1 } })).toEqual({ action: { kind: 'fulfil', by: 'merchant', notifyCustomer: false, lines: [{ lineId: 'a', quantity: 1 }, { lineId: 'b', quantity: 1 }] } });
    expect(foActionFrom('request_fulfillment', { ...v, quantities: { a: 2, b: 0 } })).toEqual({ action: { kind: 'request_fulfillment', lines: [{ lineId: 'a', quantity: 2 }] } });
    expect(foActionFrom('fulfil', { ...v, quantities: { a: 0, b: 0 } })).toEqual({ missing: 'lines' });
    expect(foActionFrom('fulfil', { ...v, quantities: { a: 3, b: 1 } })).toEqual({ missing: 'invalid' });
    expect(foActionFrom('fulfil', { ...v, quantities: { a: 1.5, b: 1 } })).toEqual({ missing: 'invalid' });
  });

  it('moves to a listed location with its name', () => {
    expect(foActionFrom('move', { ...emptyFoForm(fo), locationId: 'gid://shopify/Location/9', locationName: 'Kho Sài Gòn', managedBy: 'merchant' })).toEqual({
      action: { kind: 'move', locationId: 'gid://shopify/Location/9', locationName: 'Kho Sài Gòn', managedBy: 'merchant' },
    });
  });
});
