export const pages = [
  { id: 'orders', label: 'Orders' },
  { id: 'inbox', label: 'Inbox' },
  { id: 'flows', label: 'Flows' },
  { id: 'connections', label: 'Connections' },
] as const;

export type PageId = (typeof pages)[number]['id'];

export const defaultPage: PageId = 'orders';

export function pageHref(id: PageId): string {
  return `#/${id}`;
}

/** Reads `#/inbox` and the like; anything else is the default page. */
export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return pages.find((page) => page.id === id)?.id ?? defaultPage;
}
