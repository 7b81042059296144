import { z } from 'zod';
import { WOO } from './woocommerce-rest.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { PlatformAnswer } from '../platform-http.ts';

/**
 * WooCommerce has no order or customer tags (reference §4): Flowdesk keeps them as a
 * comma-separated list in the meta field `_flowdesk_tags` (the leading "_" hides it from the
 * order page's custom fields box). A meta key written without an id updates that key in
 * place (`update_meta_data`), so writing the whole list is a set: resending it changes nothing.
 */
export const TAGS_META = '_flowdesk_tags';

const Meta = z.looseObject({ id: z.number().nullish(), key: z.string(), value: z.unknown().optional() });

/** The parts of an order (or customer) the write-backs read back. */
export const WooResource = z.looseObject({
  id: z.union([z.number(), z.string()]),
  status: z.string().nullish(),
  date_paid_gmt: z.string().nullish(),
  meta_data: z.array(Meta).nullish(),
});
export type WooResource = z.infer<typeof WooResource>;

export const WooNote = z.looseObject({ id: z.number(), note: z.string(), customer_note: z.boolean().nullish() });

export function readResource(answer: PlatformAnswer, what: string): WooResource {
  const parsed = WooResource.safeParse(answer.json);
  if (!parsed.success) throw new StoreApiError('final', `${WOO} answered something that is not ${what}: ${answer.text.slice(0, 200)}`);
  return parsed.data;
}

export function metaValue(r: WooResource, key: string): string | null {
  const m = (r.meta_data ?? []).find((x) => x.key === key);
  if (!m) return null;
  return typeof m.value === 'string' || typeof m.value === 'number' || typeof m.value === 'boolean' ? String(m.value) : JSON.stringify(m.value);
}

/** A comma list, as a flow's tags are too ("vip, late" is two tags, as on Shopify). */
export const splitTags = (list: readonly string[]): string[] => list.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);

export const tagsOf = (r: WooResource): string[] => splitTags([metaValue(r, TAGS_META) ?? '']);

const has = (list: readonly string[], tag: string) => list.some((t) => t.toLowerCase() === tag.toLowerCase());

/** Tags compare without case, as Shopify's do; the spelling already there is kept. */
export function mergeTags(current: readonly string[], add: readonly string[]): { next: string[]; added: string[] } {
  const next = [...current];
  const added: string[] = [];
  for (const t of add) {
    if (has(next, t)) continue;
    next.push(t);
    added.push(t);
  }
  return { next, added };
}

export function dropTags(current: readonly string[], remove: readonly string[]): { next: string[]; removed: string[] } {
  return { next: current.filter((t) => !has(remove, t)), removed: current.filter((t) => has(remove, t)) };
}

export const hasAllTags = (current: readonly string[], want: readonly string[]) => want.every((t) => has(current, t));
export const hasNoneOfTags = (current: readonly string[], gone: readonly string[]) => !gone.some((t) => has(current, t));

export const tagsBody = (tags: readonly string[]) => ({ meta_data: [{ key: TAGS_META, value: tags.join(',') }] });

export const listWords = (tags: readonly string[]) => (tags.length > 0 ? tags.join(', ') : 'no tags');
