import type { GalleryCategory, GalleryLocale, GalleryTemplateDto } from '../../../engine/contract/index.ts';
import { foldText } from '../../../engine/contract/flow/condition-values.ts';

export type CategoryFilter = GalleryCategory | 'all';

export interface GalleryQuery {
  text: string;
  category: CategoryFilter;
}

/** The words a card can be found by, beyond its own: its trigger's label and its platforms' names. */
export interface CardWords {
  trigger: string;
  platforms: string[];
}

/** Typed words meet the cards' words without regard to case or Vietnamese diacritics ("don huy" finds "Đơn bị hủy"). */
const fold = (text: string) => foldText(text, { ignoreDiacritics: true });

/**
 * The cards that match: in the category chosen, and holding every typed word in their title,
 * description, trigger or platforms, in either language (a Vietnamese shop may type English words).
 */
export function filterTemplates(
  cards: readonly GalleryTemplateDto[],
  query: GalleryQuery,
  wordsOf: (card: GalleryTemplateDto) => CardWords,
): GalleryTemplateDto[] {
  const terms = fold(query.text).split(/\s+/).filter(Boolean);
  return cards.filter((card) => {
    if (query.category !== 'all' && card.category !== query.category) return false;
    if (terms.length === 0) return true;
    const words = wordsOf(card);
    const haystack = fold([card.title.vi, card.title.en, card.description.vi, card.description.en, words.trigger, ...words.platforms].join(' '));
    return terms.every((term) => haystack.includes(term));
  });
}

/** How many cards each category holds, for the filter's counts. */
export function countByCategory(cards: readonly GalleryTemplateDto[]): Record<CategoryFilter, number> {
  const counts: Record<CategoryFilter, number> = { all: cards.length, messages: 0, tags: 0, operations: 0, marketplace: 0 };
  for (const card of cards) counts[card.category] += 1;
  return counts;
}

/** The gallery's language for an i18n language ("vi-VN" → vi; anything else → en). */
export function galleryLocale(language: string): GalleryLocale {
  return language.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}
