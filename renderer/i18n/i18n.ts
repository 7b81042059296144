import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Vietnamese and English. Each area of the app keeps its strings in its own namespace file
 * (locales/<lang>/<namespace>.json) so that screens can be worked on apart. The language
 * comes from the system (navigator.language) unless the user chose one in Settings.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

export const languages = [
  { id: 'vi', label: 'Tiếng Việt' },
  { id: 'en', label: 'English' },
] as const;
export type Language = (typeof languages)[number]['id'];

const storageKey = 'flowdesk.language';

function resources(): Record<string, Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, mod] of Object.entries(files)) {
    const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!m) continue;
    const [, lang, ns] = m as unknown as [string, string, string];
    (out[lang] ??= {})[ns] = mod.default;
  }
  return out;
}

export function systemLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(storageKey);
  if (stored === 'vi' || stored === 'en') return stored;
  const langs = globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en'];
  return langs.some((l) => l.toLowerCase().startsWith('vi')) ? 'vi' : 'en';
}

export function createI18n(language: Language = systemLanguage()): i18n {
  const instance = i18next.createInstance();
  const res = resources();
  void instance.use(initReactI18next).init({
    resources: res,
    lng: language,
    fallbackLng: 'en',
    ns: Object.keys(res['en'] ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  // The Conditions step's own words (palette, form) live in conditions.json with the builder's;
  // editor.json keeps the last word if it ever names the step too.
  for (const [lang, ns] of Object.entries(res)) {
    if (ns['conditions']?.['nodeType']) instance.addResourceBundle(lang, 'editor', { nodeTypes: { logic: { condition: ns['conditions']['nodeType'] } } }, true, false);
    // The message actions' words (email, SMS steps) live in accounts.json beside their accounts'.
    if (ns['accounts']?.['nodeTypes']) instance.addResourceBundle(lang, 'editor', { nodeTypes: ns['accounts']['nodeTypes'] }, true, false);
    // The customer actions' words (steps, timeline, run view) live in customer-actions.json, merged where they are read.
    for (const [target, words] of Object.entries(ns['customer-actions'] ?? {})) {
      if (['editor', 'orders', 'runs', 'conditions'].includes(target)) instance.addResourceBundle(lang, target, words as Record<string, unknown>, true, false);
    }
    // The task connectors' words (Trello, Asana, the Create task step and its intents) live in
    // tasks.json; its `into` part is merged into the namespaces that word steps, accounts and runs
    // (a word those namespaces already have stays theirs).
    // Write-back and reconciliation (issue 13) keep theirs in write-back.json the same way, and
    // the tester's bench (issue 15) in bench.json, fulfillment orders (issue 14) in fulfillment.json,
    // the customer page and the timeline's filter bar (issue 14) in customers.json.
    for (const feature of ['tasks', 'write-back', 'bench', 'fulfillment', 'customers', 'marketplace']) {
      for (const [target, words] of Object.entries((ns[feature]?.['into'] ?? {}) as Record<string, object>)) instance.addResourceBundle(lang, target, words, true, false);
    }
  }
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = language;
  return instance;
}

/** Switches the language and remembers the choice for next time. */
export function chooseLanguage(instance: i18n, language: Language): void {
  globalThis.localStorage?.setItem(storageKey, language);
  void instance.changeLanguage(language);
}
