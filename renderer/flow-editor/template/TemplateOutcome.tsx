import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TemplateDataSource, TemplateFieldPreview, TemplateProblemDto } from '../../../engine/contract/index.ts';
import { problemExcerpt, withoutPlace } from './template-text.ts';

/** The problem in the user's language; the engine's own words only for the detail of a syntax error. */
export function problemSentence(problem: TemplateProblemDto, t: TFunction): string {
  const token = problem.token ?? '';
  switch (problem.kind) {
    case 'unknown_variable':
      return t('problem.unknownVariable', { token });
    case 'unknown_filter':
      return t('problem.unknownFilter', { token });
    case 'syntax':
      return t('problem.syntax', { detail: withoutPlace(problem.message) });
    default:
      return t('problem.runtime', { detail: withoutPlace(problem.message) });
  }
}

/** "#2001" for a stored order, "sample order #1001" for the built-in one. */
export function sourceName(source: Pick<TemplateDataSource, 'kind' | 'orderNumber'>, t: TFunction): string {
  return source.kind === 'sample' ? t('preview.sampleOrder', { number: source.orderNumber }) : source.orderNumber;
}

/** One template as it renders, or what is wrong with it and where, in red. */
export function TemplateOutcome({ result }: { result: TemplateFieldPreview }) {
  const { t } = useTranslation('templates');
  if (result.ok) {
    return result.output === '' ? <p className="tpl-output is-empty">{t('preview.empty')}</p> : <p className="tpl-output">{result.output}</p>;
  }
  const { problem } = result;
  const excerpt = problemExcerpt(result.template, problem);
  return (
    <div className="tpl-problem">
      <p>
        {problem.line !== null && problem.col !== null ? <strong>{t('problem.at', { line: problem.line, col: problem.col })} </strong> : null}
        {problemSentence(problem, t)}
      </p>
      {excerpt ? (
        <code className="tpl-excerpt" aria-hidden="true">
          {excerpt.before}
          <mark>{excerpt.mark || ' '}</mark>
          {excerpt.after}
        </code>
      ) : null}
    </div>
  );
}
