import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { platformLabels, type GalleryLocale, type GalleryTemplateDto, type NodeSpecDto } from '../../../engine/contract/index.ts';
import { NodeIcon } from '../../canvas/NodeIcon.tsx';
import type { SpecWords } from '../../canvas/useSpecWords.ts';

interface TemplateCardProps {
  card: GalleryTemplateDto;
  locale: GalleryLocale;
  /** The trigger's spec, for its translated label and icon; missing while the node types load. */
  trigger: NodeSpecDto | undefined;
  words: SpecWords;
  /** This card's template is being added. */
  adding: boolean;
  /** Another template is being added: wait for it. */
  disabled: boolean;
  onUse: (card: GalleryTemplateDto) => void;
}

/** One template: what it does, when it starts, where it fits, and the button that adds it. */
export function TemplateCard({ card, locale, trigger, words, adding, disabled, onUse }: TemplateCardProps) {
  const { t } = useTranslation('gallery');
  const titleId = useId();
  const title = card.title[locale];
  return (
    <article className="gallery-card" aria-labelledby={titleId}>
      <div className="gallery-card-top">
        <span className={`gallery-category gallery-category-${card.category}`}>{t(`categories.${card.category}`)}</span>
        <span className="muted gallery-steps">{t('steps', { count: card.steps })}</span>
      </div>
      <h3 id={titleId}>{title}</h3>
      <p className="gallery-description" title={card.description[locale]}>
        {card.description[locale]}
      </p>
      <dl className="gallery-facts">
        <div>
          <dt>{t('trigger')}</dt>
          <dd className="gallery-trigger">
            <NodeIcon icon={trigger?.icon ?? 'trigger'} connector={trigger?.connector ?? 'orders'} category="trigger" size={16} />
            <span>{trigger ? words.label(trigger) : card.trigger.type}</span>
          </dd>
        </div>
        <div>
          <dt>{t('platforms')}</dt>
          <dd className="gallery-platforms">
            {card.platforms.length === 0 ? (
              <span className="fe-chip">{t('allPlatforms')}</span>
            ) : (
              card.platforms.map((p) => (
                <span key={p} className="fe-chip">
                  {platformLabels[p]}
                </span>
              ))
            )}
          </dd>
        </div>
      </dl>
      <button type="button" className="fe-primary gallery-use" aria-label={t('useLabel', { title })} disabled={disabled || adding} onClick={() => onUse(card)}>
        {adding ? t('adding') : t('use')}
      </button>
    </article>
  );
}
