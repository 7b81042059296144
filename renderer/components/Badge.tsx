import { humanize } from '../app/format.ts';

export type BadgeTone = 'good' | 'neutral' | 'warn' | 'bad';

/** A status word in a coloured pill; the word itself carries the meaning, not the colour. */
export function Badge({ value, tone }: { value: string; tone: BadgeTone }) {
  return <span className={`badge badge-${tone}`}>{humanize(value)}</span>;
}
