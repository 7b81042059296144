import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateFieldPreview } from '../../../engine/contract/index.ts';
import { sourceName } from './TemplateOutcome.tsx';
import type { PreviewState } from './useTemplatePreview.ts';

interface TemplatePreviewProps {
  id: string;
  /** The field's title, to name the region. */
  field: string;
  state: PreviewState & { stale: boolean };
  /** Draws the rendered fields once they are in. */
  children: (fields: readonly TemplateFieldPreview[]) => ReactNode;
}

/** The box under a template field: which order it rendered with, then the text or the problem. */
export function TemplatePreview({ id, field, state, children }: TemplatePreviewProps) {
  const { t } = useTranslation('templates');
  return (
    <section id={id} className={`tpl-preview${state.stale ? ' is-stale' : ''}`} aria-label={t('preview.labelOf', { field })} aria-live="polite" aria-busy={state.status === 'loading' || state.stale}>
      {state.status === 'ready' ? (
        <>
          <p className="tpl-preview-head">{t('preview.for', { order: sourceName(state.source, t) })}</p>
          {children(state.fields)}
        </>
      ) : state.status === 'failed' ? (
        <p className="tpl-failed">{t('preview.failed', { message: state.message })}</p>
      ) : (
        <p className="tpl-preview-head">{t('preview.loading')}</p>
      )}
    </section>
  );
}
