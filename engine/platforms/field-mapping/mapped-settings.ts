import { z } from 'zod';
import { FieldMapping, PathText, StatusTables } from './mapping-schema.ts';

/** The defaults one mapped platform (LadiSales, the catch hook) gives its connections. */
export interface MappedDefaults {
  mapping: FieldMapping;
  orderRoot: string[];
  statuses: z.input<typeof StatusTables>;
  currency: string;
  salesChannel: string;
  utcOffset: string;
  tenantSource?: string;
}

/** An HTTP header name (RFC 9110 token characters). */
const HeaderName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'a header name such as X-Flowdesk-Secret');

/**
 * The settings of a connection whose payload is mapped by the user: the field mapping, where
 * the order sits in the payload, where the topic comes from, the status table, and the
 * header that carries the optional header secret. `settings.parse({})` gives `defaults`.
 */
export function mappedSettings(d: MappedDefaults) {
  return z.object({
    /** The field mapping, payload → canonical order (replaces the default list as a whole). */
    mapping: FieldMapping.default(() => structuredClone(d.mapping)),
    /** Where the order object is: the first of these paths that is an object ("" = the whole payload). */
    orderRoot: z.array(PathText).min(1).default(() => [...d.orderRoot]),
    /** The topic of a delivery: read at `source` (a path from the top of the payload), else `value`. */
    topic: z
      .object({ source: PathText.optional(), value: z.string().min(1).default('order') })
      .default(() => ({ value: 'order' })),
    /** The topics that carry an order; any other topic is answered 200 and recorded as ignored. */
    orderTopics: z.array(z.string().min(1)).min(1).default(() => ['order']),
    statuses: StatusTables.default(() => StatusTables.parse(structuredClone(d.statuses))),
    /** The request header that carries the header secret, when the connection has one. */
    headerName: HeaderName.default('X-Flowdesk-Secret'),
    /** The currency when the mapping gives none. */
    currency: z.string().min(1).default(d.currency),
    /** Where the sale happened, when the mapping gives no salesChannel. */
    salesChannel: z.string().default(d.salesChannel),
    /** The UTC offset of times sent without one ("2026-11-20 09:15:02"). */
    utcOffset: z.string().regex(/^(Z|[+-]\d{2}:\d{2})$/, 'Z or an offset such as +07:00').default(d.utcOffset),
    /** Where the sending store's id is in the payload, if anywhere (recorded as the tenant). */
    tenantSource: PathText.nullable().default(d.tenantSource ?? null),
  });
}

export type MappedSettings = z.output<ReturnType<typeof mappedSettings>>;
