import { z } from 'zod';
import { FlowFile, Id } from '../flow/flow-document.ts';
import { Platform } from '../platform.ts';
import { method } from './method.ts';

/**
 * The template gallery: example flows bundled in assets/gallery/<id>.flow.json. Each file is a
 * flow file (flows.import reads it as is: zod drops the `gallery` key) plus its card under
 * `gallery`. The file's flow speaks Vietnamese, the shops' language; `translations` carries the
 * words of other languages (node labels and text params), applied by `gallery.get`.
 */

export const GalleryLocale = z.enum(['vi', 'en']);
export type GalleryLocale = z.infer<typeof GalleryLocale>;

/** What a shop owner looks for: messages to buyers, tags, the team's chores, marketplace orders. */
export const GalleryCategory = z.enum(['messages', 'tags', 'operations', 'marketplace']);
export type GalleryCategory = z.infer<typeof GalleryCategory>;

const Words = z.object({ vi: z.string().min(1).max(300), en: z.string().min(1).max(300) });
const LongWords = z.object({ vi: z.string().min(1).max(2000), en: z.string().min(1).max(2000) });

/** One node's words in another language: its label, and params replaced whole (tags, note text). */
export const GalleryNodeWords = z.object({
  label: z.string().max(200).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type GalleryNodeWords = z.infer<typeof GalleryNodeWords>;

export const GalleryMeta = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id, the file name without .flow.json'),
  title: Words,
  description: LongWords,
  category: GalleryCategory,
  /** The platforms the template suits; empty means every platform. */
  platforms: z.array(Platform).default([]),
  /** Where the idea comes from (a seed document, a competitor's template library). */
  source: z.string().max(300),
  /** Words per language other than Vietnamese, by node id. */
  translations: z.partialRecord(GalleryLocale, z.record(Id, GalleryNodeWords)).default({}),
});
export type GalleryMeta = z.infer<typeof GalleryMeta>;

/** A file of the gallery: a flow file and its card. */
export const GalleryFile = FlowFile.extend({ gallery: GalleryMeta });
export type GalleryFile = z.infer<typeof GalleryFile>;

/** A template's card, as the gallery lists it. */
export const GalleryTemplateDto = z.object({
  id: z.string(),
  title: Words,
  description: LongWords,
  category: GalleryCategory,
  platforms: z.array(Platform),
  /** The trigger node's type ("orders.order_cancelled"), for its label and icon, and the events it starts on. */
  trigger: z.object({ type: z.string(), events: z.array(z.string()) }),
  /** How many steps the flow has, trigger included. */
  steps: z.number().int(),
});
export type GalleryTemplateDto = z.infer<typeof GalleryTemplateDto>;

export const galleryApi = {
  'gallery.list': method(z.object({}), z.array(GalleryTemplateDto)),
  /**
   * A template as a flow file in the chosen language, ready for `flows.import` (which makes it
   * a normal, inactive flow the user edits).
   */
  'gallery.get': method(z.object({ id: z.string(), locale: GalleryLocale.default('vi') }), FlowFile),
};
