import { z } from 'zod';
import { TimelineEntryDto, TimelineKind } from '../timeline.ts';
import { method } from './method.ts';

/**
 * Where a page of a timeline ends: the time and id of its oldest entry (`<at_ms>.<id>`). The
 * next page is what came before it, so entries appended meanwhile never shift the pages.
 */
export const TimelineCursor = z.string().regex(/^\d+\.\d+$/, 'a cursor from a previous page');
export type TimelineCursor = z.infer<typeof TimelineCursor>;

/** A manual note's words: trimmed, never blank, at most 2000 characters. */
export const NoteText = z.string().trim().min(1, 'write the note first').max(2000, 'a note is at most 2000 characters');

/** Pages are 100 entries unless asked otherwise; 500 at most. */
const limit = z.number().int().min(1).max(500).default(100);
/** Only these kinds (all when left out or empty). */
const kinds = z.array(TimelineKind).max(TimelineKind.options.length).optional();

/**
 * One page of a timeline, in time order (oldest first, as the order page reads it: a story told
 * from the start, the newest entry last where live ones arrive). The page is the newest `limit`
 * entries before the cursor; `nextCursor` pages further back, null when nothing older is left.
 * `counts` are by kind over the whole timeline (not the page, not the filter), for the filter bar.
 */
export const TimelinePageDto = z.object({
  entries: z.array(TimelineEntryDto),
  nextCursor: TimelineCursor.nullable(),
  counts: z.partialRecord(TimelineKind, z.number().int()),
});
export type TimelinePageDto = z.infer<typeof TimelinePageDto>;

export const timelineApi = {
  /** An order's timeline a page at a time, filtered by kind. */
  'timeline.forOrder': method(z.object({ orderId: z.string().min(1), kinds, before: TimelineCursor.optional(), limit }), TimelinePageDto),
  /** The timelines of all a customer's orders (every platform) joined in time order, the same way. */
  'timeline.forCustomer': method(z.object({ customerId: z.string().min(1), kinds, before: TimelineCursor.optional(), limit }), TimelinePageDto),
  /** The merchant's own note on an order's timeline (a `note` entry by "you"): 1 to 2000 characters, not blank. */
  'timeline.addNote': method(z.object({ orderId: z.string().min(1), text: NoteText }), TimelineEntryDto),
};
