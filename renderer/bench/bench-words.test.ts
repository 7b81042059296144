import { describe, expect, it } from 'vitest';
import en from '../i18n/locales/en/bench.json';
import vi from '../i18n/locales/vi/bench.json';

type Tree = { [key: string]: string | Tree };
const leaves = (o: Tree, at = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]): [string, string][] => (typeof v === 'object' ? leaves(v, `${at}${k}.`) : [[`${at}${k}`, v]]));
// Vietnamese has one plural form (`_other`) where English has two.
const base = (key: string) => key.replace(/_(one|other)$/, '');

describe('bench.json', () => {
  it('has every English word in Vietnamese too, and no Vietnamese word the English lacks', () => {
    const enKeys = new Set(leaves(en as Tree).map(([k]) => base(k)));
    const viKeys = new Set(leaves(vi as Tree).map(([k]) => base(k)));
    expect([...enKeys].filter((k) => !viKeys.has(k))).toEqual([]);
    expect([...viKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('leaves no English in Vietnamese', () => {
    const english = new Map(leaves(en as Tree).map(([k, v]) => [base(k), v]));
    const same = leaves(vi as Tree).filter(([k, v]) => english.get(base(k)) === v);
    expect(same).toEqual([]);
  });

  it('names the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const english = new Map(leaves(en as Tree).map(([k, v]) => [k.replace(/_one$/, '_other'), v]));
    for (const [k, v] of leaves(vi as Tree)) expect(names(v), k).toEqual(names(english.get(k) ?? ''));
  });
});
