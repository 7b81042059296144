import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { FlowDocument, FlowFile, GalleryLocale, GalleryTemplateDto } from '../contract/index.ts';
import { FLOW_FILE_FORMAT, GalleryCategory, GalleryFile } from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { Logger } from '../shared/logger.ts';
import { notFound } from '../shared/errors.ts';
import { validateFlow } from './validate.ts';
import { accountFields, fillAccounts, type AccountsOf } from './account-fields.ts';

const suffix = '.flow.json';

/** The example flows offered as templates; `flows.import` turns one into a normal, inactive flow. */
export interface GalleryService {
  list(): GalleryTemplateDto[];
  get(id: string, locale: GalleryLocale): FlowFile;
}

/** The template's flow in a language: the card's title and description, and the nodes' translated words. */
export function localizedFlow(file: GalleryFile, locale: GalleryLocale): FlowDocument {
  const words = file.gallery.translations[locale] ?? {};
  return {
    ...file.flow,
    name: file.gallery.title[locale],
    description: file.gallery.description[locale],
    nodes: file.flow.nodes.map((n) => {
      const w = words[n.id];
      if (!w) return n;
      return { ...n, ...(w.label !== undefined ? { label: w.label } : {}), params: { ...n.params, ...w.params } };
    }),
  };
}

/**
 * Reads every `<id>.flow.json` of `dir` once, when the engine is made. A file that does not
 * parse, names another id, or whose flow (in any language) would not save is left out with a
 * warning: a template that cannot be used is worse than none, and a bad file must not stop the
 * engine. test/engine/gallery.test.ts holds the bundled ones to a stricter bar.
 */
export function createGalleryService(dir: string | null, registry: NodeRegistry, logger: Logger, accountsOf: AccountsOf = () => []): GalleryService {
  const files = new Map<string, GalleryFile>();
  let names: string[] = [];
  try {
    names = dir ? readdirSync(dir).filter((f) => f.endsWith(suffix)).sort() : [];
  } catch (error) {
    logger.warn(`gallery: cannot read ${dir}: ${(error as Error).message}`);
  }
  for (const name of names) {
    const problem = load(join(dir!, name), name.slice(0, -suffix.length));
    if (typeof problem === 'string') logger.warn(`gallery: left out ${name}: ${problem}`);
    else files.set(problem.gallery.id, problem);
  }

  function load(path: string, id: string): GalleryFile | string {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      return `not JSON (${(error as Error).message})`;
    }
    const parsed = GalleryFile.safeParse(json);
    if (!parsed.success) return z.prettifyError(parsed.error);
    const file = parsed.data;
    if (file.gallery.id !== id) return `its gallery id is "${file.gallery.id}", not the file's name "${id}"`;
    const ids = new Set(file.flow.nodes.map((n) => n.id));
    for (const [locale, words] of Object.entries(file.gallery.translations)) {
      const stray = Object.keys(words).find((nodeId) => !ids.has(nodeId));
      if (stray) return `its ${locale} words name a node "${stray}" the flow does not have`;
    }
    for (const locale of ['vi', 'en'] as const) {
      // A message step's account is the user's to choose: a template leaves it empty.
      const flow = localizedFlow(file, locale);
      const open = new Set(accountFields(flow, registry).map((f) => `${f.nodeId}/${f.field}`));
      const problems = validateFlow(flow, registry).filter((p) => !(p.code === 'invalid_params' && open.has(`${p.nodeId}/${p.path}`)));
      if (problems.length > 0) return `its flow (${locale}) has problems: ${problems.map((p) => p.message).join('; ')}`;
    }
    return file;
  }

  function card(file: GalleryFile): GalleryTemplateDto {
    const trigger = file.flow.nodes.find((n) => registry.get(n.type)?.spec.category === 'trigger')!;
    const { id, title, description, category, platforms } = file.gallery;
    return {
      id, title, description, category, platforms,
      trigger: { type: trigger.type, events: [...(registry.get(trigger.type)?.spec.triggers ?? [])] },
      steps: file.flow.nodes.length,
    };
  }

  // By category, in the order the gallery offers them, then by file name.
  const cards = [...files.values()]
    .map(card)
    .sort((a, b) => GalleryCategory.options.indexOf(a.category) - GalleryCategory.options.indexOf(b.category) || a.id.localeCompare(b.id));

  return {
    list: () => cards,
    get(id, locale) {
      const file = files.get(id);
      if (!file) throw notFound('template', id);
      return { format: FLOW_FILE_FORMAT, flow: fillAccounts(localizedFlow(file, locale), registry, accountsOf) };
    },
  };
}
