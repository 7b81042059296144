import { getI18n } from 'react-i18next';
import { langOf, rootScope } from './field-catalog.ts';
import { summarizeCondition } from './summarize.ts';
import { asTree } from './tree-edit.ts';

/** Enough for the card to say the whole of a usual condition over three or four lines. */
const maxLength = 160;

/**
 * A condition param as its canvas card shows it, in the app's language. The card's summary is a
 * plain function of the params (canvas/param-summary.ts), so the words come from the app's
 * i18next instance; the card re-renders when the language changes.
 */
export function conditionCardSummary(value: unknown): string {
  const i18n = getI18n();
  const tree = asTree(value);
  // An empty condition says nothing on the card: a trigger's activation conditions are mostly empty.
  if (!i18n || tree.rules.length === 0) return '';
  const text = summarizeCondition(tree, rootScope, { lang: langOf(i18n.language), t: i18n.getFixedT(null, 'conditions') });
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
