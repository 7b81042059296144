import type { OrderListDto, OrderListFilter } from '../../contract/index.ts';
import { EngineError } from '../../shared/errors.ts';

/** The list's filters that come with counts, and their columns (the same in orders and order_facets). */
export const FACETS = [
  ['financialStatus', 'financial_status'],
  ['fulfillmentStatus', 'fulfillment_status'],
  ['deliveryStatus', 'delivery_status'],
  ['storeStatus', 'store_status'],
  ['platform', 'platform'],
  ['connectionId', 'connection_id'],
  ['cancelled', 'cancelled'],
] as const;
export type FacetName = (typeof FACETS)[number][0];

/** The tag filter on orders; the list reads order_tags instead when it can (see orders-repo). */
export const TAG_PREDICATE = 'o.id IN (SELECT id FROM order_tags WHERE tag = @tag)';
export type OrderListCounts = OrderListDto['counts'];

export interface ListQuery {
  /** Filters without counts: the text query, the tag and the date range. */
  base: string[];
  /** One predicate per active facet filter, by facet, each true (1) or false (0) for a row. */
  facets: Partial<Record<FacetName, string>>;
  params: Record<string, string | number>;
  /** Whether the customer's name is searched (the page and count queries then join customers). */
  joinsCustomers: boolean;
}

/** The facet's value as a column holds it: cancelled is 1/0, no store status is ''. */
function facetValue(filter: OrderListFilter, name: FacetName): string | number | undefined {
  if (name === 'cancelled') return filter.cancelled === 'yes' ? 1 : filter.cancelled === 'no' ? 0 : undefined;
  return filter[name];
}

/** The WHERE parts of a filter, with named parameters (nothing the user typed goes into the SQL). */
export function listQuery(filter: OrderListFilter): ListQuery {
  const params: Record<string, string | number> = {};
  const base: string[] = [];
  const facets: ListQuery['facets'] = {};
  for (const [name, column] of FACETS) {
    const value = facetValue(filter, name);
    if (value === undefined) continue;
    params[name] = value;
    facets[name] = column === 'store_status' ? `(COALESCE(o.store_status, '') = @${name})` : `(o.${column} = @${name})`;
  }
  const q = filter.query && filter.query.length > 0 ? filter.query : null;
  if (q !== null) {
    params['q'] = q;
    params['like'] = `%${q.replace(/^#/, '')}%`;
    base.push(`(o.number LIKE @like OR o.platform_order_id = @q OR o.email LIKE @like OR o.phone LIKE @like
      OR o.platform = lower(@q) OR c.name LIKE @like)`);
  }
  if (filter.tag) {
    // Tags are one set compared without case (domain/tags.ts): order_tags holds them lowercased
    // (tag_key, migrate.ts), and so is the tag asked for.
    params['tag'] = filter.tag.toLowerCase();
    base.push(TAG_PREDICATE);
  }
  if (filter.placedFrom) {
    params['placedFrom'] = Date.parse(filter.placedFrom);
    base.push('o.placed_ms >= @placedFrom');
  }
  if (filter.placedTo) {
    params['placedTo'] = Date.parse(filter.placedTo);
    base.push('o.placed_ms < @placedTo');
  }
  return { base, facets, params, joinsCustomers: q !== null };
}

/** Rows that fail at most one facet filter: every count needs only those (facet counts ignore their own filter). */
export function atMostOneMiss(facets: ListQuery['facets']): string | null {
  const preds = Object.values(facets);
  return preds.length <= 1 ? null : `(${preds.join(' + ')}) >= ${preds.length - 1}`;
}

export interface FacetRow {
  financial_status: string;
  fulfillment_status: string;
  delivery_status: string;
  store_status: string;
  platform: string;
  connection_id: string;
  cancelled: number;
  n: number;
}

const key = (row: FacetRow, column: (typeof FACETS)[number][1]): string =>
  column === 'cancelled' ? (row.cancelled ? 'yes' : 'no') : String(row[column]);

/**
 * Facet counts and the total from counts per combination of values: a combination that meets
 * every filter counts for the total and for each of its values; one that misses exactly one
 * filter counts only for its value of that filter (what the option would show if picked).
 */
export function tallyFacets(rows: FacetRow[], filter: OrderListFilter): { total: number; counts: OrderListCounts } {
  const counts = Object.fromEntries(FACETS.map(([name]) => [name, {} as Record<string, number>])) as OrderListCounts;
  const wanted = FACETS.map(([name, column]) => [name, column, facetValue(filter, name)] as const);
  let total = 0;
  for (const row of rows) {
    if (row.n <= 0) continue;
    let missed: (typeof wanted)[number] | null = null;
    let misses = 0;
    for (const w of wanted) {
      if (w[2] !== undefined && row[w[1]] !== w[2]) {
        misses++;
        missed = w;
      }
    }
    if (misses > 1) continue;
    const add = (name: FacetName, column: (typeof FACETS)[number][1]) => {
      const k = key(row, column);
      counts[name][k] = (counts[name][k] ?? 0) + row.n;
    };
    if (misses === 1 && missed) add(missed[0], missed[1]);
    else {
      total += row.n;
      for (const [name, column] of FACETS) add(name, column);
    }
  }
  return { total, counts };
}

/** A page boundary: the last row's placed time and id (the sort is placed_ms DESC, id DESC). */
export function encodeCursor(placedMs: number, id: string): string {
  return `${placedMs}~${id}`;
}

export function decodeCursor(cursor: string): { ms: number; id: string } {
  const at = cursor.indexOf('~');
  const ms = Number(cursor.slice(0, at));
  if (at <= 0 || !Number.isSafeInteger(ms)) throw new EngineError('invalid_args', `"${cursor}" is not a cursor this list gave`);
  return { ms, id: cursor.slice(at + 1) };
}
