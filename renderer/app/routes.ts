/** The pages in the main navigation, in order. Labels are i18n keys in the `common` namespace. */
export const pages = [
  { id: 'orders', labelKey: 'nav.orders' },
  { id: 'customers', labelKey: 'nav.customers' },
  { id: 'inbox', labelKey: 'nav.inbox' },
  { id: 'flows', labelKey: 'nav.flows' },
  { id: 'connections', labelKey: 'nav.connections' },
  { id: 'settings', labelKey: 'nav.settings' },
] as const;

export type PageId = (typeof pages)[number]['id'] | 'runs' | 'guide';

/** Where the address points: a page, and for `#/flows/<id>`, `#/orders/<id>`, `#/customers/<id>`, `#/runs/<id>` the thing's id. */
export interface Route {
  page: PageId;
  id: string | null;
}

export const defaultPage: PageId = 'orders';

const known = new Set<string>([...pages.map((p) => p.id), 'runs', 'guide']);

export function pageHref(id: PageId, itemId?: string): string {
  return itemId ? `#/${id}/${encodeURIComponent(itemId)}` : `#/${id}`;
}

/** Reads `#/inbox`, `#/flows/flw_123` and the like; anything else is the default page. */
export function routeFromHash(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  if (!page || !known.has(page)) return { page: defaultPage, id: null };
  return { page: page as PageId, id: id ? decodeURIComponent(id) : null };
}

export function pageFromHash(hash: string): PageId {
  return routeFromHash(hash).page;
}
