import { useTranslation } from 'react-i18next';
import type { PlatformInfoDto } from '../../engine/contract/index.ts';

/**
 * A platform's own words for its connection form and setup steps, in the chosen language: the
 * engine describes them in English (`connections.platforms`), and connections.json carries the
 * other languages under `platformWords.<platform>`; a word not translated yet shows as the
 * engine says it.
 */
export function usePlatformWords() {
  const { t } = useTranslation('connections');
  return {
    storeIdLabel: (info: PlatformInfoDto): string => t(`platformWords.${info.platform}.storeIdLabel`, { defaultValue: info.storeIdLabel }),
    secretLabel: (info: PlatformInfoDto, secret: { name: string; label: string }): string =>
      t(`platformWords.${info.platform}.secrets.${secret.name}`, { defaultValue: secret.label }),
    setup: (info: PlatformInfoDto): string[] => {
      const words = t(`platformWords.${info.platform}.setup`, { returnObjects: true, defaultValue: null }) as unknown;
      // Only a translation of every step replaces the engine's list (steps are never mixed).
      return Array.isArray(words) && words.length === info.setup.length && words.every((w) => typeof w === 'string') ? words : [...info.setup];
    },
  };
}
