import { Liquid, type Template } from 'liquidjs';
import { problemAt, TemplateError, TemplateRefusal, toTemplateProblem, type TemplateProblem } from './liquid-errors.ts';
import { assertTimeZone, placeFilterFailures, registerFilters } from './liquid-filters.ts';
import { currencyFormat } from './liquid-money.ts';

export { TemplateError, type TemplateErrorKind, type TemplatePosition, type TemplateProblem } from './liquid-errors.ts';

export interface TemplateRendererOptions {
  /** IANA zone of `date` when the template names none (`| date: '%H:%M', 'UTC'` does). Default Asia/Ho_Chi_Minh. */
  timeZone?: string;
  /** Locale of month and day names in `date` (%B, %A). Default en-US, as Shopify's. */
  locale?: string;
  /** Currency of the money filters when neither `| money: 'USD'` nor `order.currency` names one. Default VND. */
  defaultCurrency?: string;
  /** How many parsed templates are kept (least recently used goes first). Default 500. */
  cacheSize?: number;
}

export type TemplatePreview = { ok: true; output: string } | { ok: false; problem: TemplateProblem };

export interface TemplateRenderer {
  /** Renders over the data. An empty result is returned as is (the caller decides); any problem throws a TemplateError. */
  render(template: string, data: object): Promise<string>;
  /** Syntax, tags and filter names, without data: null when the template parses. */
  check(template: string): TemplateProblem | null;
  /** `check`, then a render against sample data (unknown variables on the path taken), then every variable whose root is not in the data. */
  checkWith(template: string, data: object): Promise<TemplateProblem | null>;
  /** What the editor shows beside a field: the rendered text, or the problem. */
  preview(template: string, data: object): Promise<TemplatePreview>;
  /** The variables a template names from outside itself (not those it assigns or loops over), in reading order; [] when it does not parse. */
  globals(template: string): TemplateGlobal[];
}

/** A variable a template reads: its path's segments (names, indexes, or a variable index) and where it is first named. */
export interface TemplateGlobal {
  segments: (string | number | object)[];
  line: number;
  col: number;
}

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Liquid over the trigger data, as Shopify merchants write it. One instance per engine.
 *
 * Strictness, decided: `strictVariables` makes a path missing from the data an error
 * (`unknown variable "order.totl" at line 1, column 4`) rather than an empty string, so a typo
 * fails the step instead of sending "Xin chào ,". `lenientIf` keeps the two idioms Shopify
 * merchants use for optional fields working: inside `{% if %}`/`{% elsif %}`/`{% unless %}` a
 * missing path is false, and `{{ order.note | default: 'none' }}` gives 'none' when `default` is
 * the first filter. The price: a misspelled path in those two places is silently "missing" at
 * run time; `checkWith` catches a misspelled root (`ordr.note`) against sample data. A field
 * present with `null` is never an error (it renders empty, like Shopify's nil).
 * `{% include %}`, `{% render %}` and `{% layout %}` are refused: a template never reads files.
 */
export function createTemplateRenderer(options: TemplateRendererOptions = {}): TemplateRenderer {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);
  const defaultCurrency = currencyFormat(options.defaultCurrency ?? 'VND').code;
  const liquid = new Liquid({
    ownPropertyOnly: true,
    strictFilters: true,
    strictVariables: true,
    lenientIf: true,
    jsTruthy: false,
    timezoneOffset: timeZone,
    locale: options.locale ?? 'en-US',
    templates: {},
    memoryLimit: 10_000_000,
    // A loop over a huge range must not hold the engine (or a live preview): 200 ms of rendering at most.
    renderLimit: 200,
  });
  for (const tag of ['include', 'render', 'layout']) {
    liquid.registerTag(tag, {
      parse() {
        throw new TemplateRefusal(`tag "${tag}" is not supported (a template cannot load other files)`);
      },
      render() {},
    });
  }
  registerFilters(liquid, { defaultCurrency });
  placeFilterFailures(liquid);
  const parse = parseCache(liquid, options.cacheSize ?? 500);

  function parseOrThrow(template: string): Template[] {
    try {
      return parse(template);
    } catch (error) {
      throw new TemplateError(toTemplateProblem(error), { cause: error });
    }
  }

  async function render(template: string, data: object): Promise<string> {
    const parsed = parseOrThrow(template);
    try {
      // Every tag and filter here is synchronous: rendering without liquidjs's promise per node
      // allocated ~22 KB less a five-node run (the Liquid note), and a promise-based render never
      // let the event loop in between anyway (its awaits are microtasks).
      return String(liquid.renderSync(parsed, data));
    } catch (error) {
      throw new TemplateError(toTemplateProblem(error), { cause: error });
    }
  }

  async function preview(template: string, data: object): Promise<TemplatePreview> {
    try {
      return { ok: true, output: await render(template, data) };
    } catch (error) {
      return { ok: false, problem: toTemplateProblem(error) };
    }
  }

  function globalsOf(parsed: Template[]): TemplateGlobal[] {
    const { globals } = liquid.analyzeSync(parsed, { partials: false });
    return Object.values(globals)
      .flat()
      .map((v) => ({ segments: v.segments, line: v.location.row, col: v.location.col }))
      .sort((a, b) => a.line - b.line || a.col - b.col);
  }

  /** The first variable, in reading order, whose root (`ordr` in `ordr.note`) the data lacks. */
  function unknownRoot(parsed: Template[], data: object): TemplateProblem | null {
    const missing = globalsOf(parsed).find((v) => typeof v.segments[0] === 'string' && !Object.hasOwn(data, v.segments[0]));
    if (!missing) return null;
    const root = String(missing.segments[0]);
    return problemAt('unknown_variable', `unknown variable "${root}"`, { line: missing.line, col: missing.col }, root);
  }

  return {
    render,
    check(template) {
      try {
        parse(template);
        return null;
      } catch (error) {
        return toTemplateProblem(error);
      }
    },
    async checkWith(template, data) {
      const result = await preview(template, data);
      if (!result.ok) return result.problem;
      return unknownRoot(parse(template), data);
    },
    preview,
    globals(template) {
      try {
        return globalsOf(parse(template));
      } catch {
        return [];
      }
    },
  };
}

/** liquidjs caches only templates read from files; strings are parsed here once and kept. */
function parseCache(liquid: Liquid, size: number): (template: string) => Template[] {
  const cache = new Map<string, Template[]>();
  return (template) => {
    const hit = cache.get(template);
    if (hit) {
      cache.delete(template);
      cache.set(template, hit);
      return hit;
    }
    const parsed = liquid.parse(template);
    if (size > 0) {
      cache.set(template, parsed);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
    }
    return parsed;
  };
}
