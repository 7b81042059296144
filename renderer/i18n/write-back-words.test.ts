import { describe, expect, it } from 'vitest';
import { writeBackWorkarounds } from '../../engine/contract/index.ts';
import en from './locales/en/write-back.json';
import vi from './locales/vi/write-back.json';

type Tree = { [key: string]: string | Tree };
const keys = (o: Tree, at = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${at}${k}.`) : [`${at}${k}`.replace(/_(one|other)$/, '')]));
const get = (o: Tree, path: string): unknown => path.split('.').reduce<unknown>((x, k) => (x as Tree | undefined)?.[k], o);

describe('write-back.json', () => {
  it('has every English word in Vietnamese too', () => {
    const missing = keys(en as Tree).filter((k) => !keys(vi as Tree).includes(k));
    expect(missing).toEqual([]);
  });

  it('has Vietnamese for every workaround the contract names', () => {
    for (const [platform, actions] of Object.entries(writeBackWorkarounds)) {
      for (const action of Object.keys(actions ?? {})) expect(get(vi as Tree, `workaround.${platform}.${action}`), `${platform} ${action}`).toEqual(expect.any(String));
    }
  });
});
