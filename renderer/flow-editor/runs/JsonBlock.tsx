import { prettyJson } from './run-format.ts';

/** A titled block of recorded JSON: a step's input or output, an intent's result. */
export function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <section className="json-block" aria-label={title}>
      <h3>{title}</h3>
      <pre>{prettyJson(value)}</pre>
    </section>
  );
}
