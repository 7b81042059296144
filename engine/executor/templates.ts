import { Liquid } from 'liquidjs';

/** Liquid over the trigger data. One instance per engine; parsed templates are cached. */
export function createTemplateRenderer() {
  const liquid = new Liquid({ cache: 500, ownPropertyOnly: true, strictFilters: true, jsTruthy: false });
  return {
    async render(template: string, data: object): Promise<string> {
      try {
        return await liquid.parseAndRender(template, data);
      } catch (error) {
        throw new TemplateError(`template error in "${template.slice(0, 80)}": ${(error as Error).message}`);
      }
    },
    /** Checks a template's syntax without data; returns the error message or null. */
    check(template: string): string | null {
      try {
        liquid.parse(template);
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    },
  };
}
export type TemplateRenderer = ReturnType<typeof createTemplateRenderer>;

export class TemplateError extends Error {
  override name = 'TemplateError';
}
