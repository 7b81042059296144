import './gallery.css';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GalleryCategory, platformLabels, type GalleryTemplateDto } from '../../../engine/contract/index.ts';
import { toApiError } from '../../api/api-error.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { pageHref } from '../../app/routes.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { ListStatus } from '../../components/ListStatus.tsx';
import { useSpecWords } from '../../canvas/useSpecWords.ts';
import { countByCategory, filterTemplates, galleryLocale, type CategoryFilter } from './gallery-filter.ts';
import { TemplateCard } from './TemplateCard.tsx';
import { newFlowId } from '../new-flow.ts';
import { handOff } from '../store-handoff.ts';
import { createFlowEditorStore } from '../store/create-flow-editor-store.ts';

const filters: CategoryFilter[] = ['all', ...GalleryCategory.options];

/**
 * The template gallery, a modal over the flows list: cards to search and filter by category.
 * "Use this template" imports the template in the user's language with `flows.import` (a normal
 * flow, turned off) and opens it in the editor; when a step still needs an account chosen, it
 * opens unsaved instead, the account to choose shown as the step's problem.
 */
export function TemplateGallery({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation('gallery');
  const client = useApiClient();
  const words = useSpecWords();
  const locale = galleryLocale(i18n.language);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<CategoryFilter>('all');
  const [adding, setAdding] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [cards, specs] = await Promise.all([client.call('gallery.list', {}), client.call('nodes.list', {})]);
    return { cards, specs: new Map(specs.map((s) => [s.type, s])) };
  }, [client]);
  const gallery = useApiQuery(load);
  const cards = useMemo(() => gallery.data?.cards ?? [], [gallery.data]);
  const specs = gallery.data?.specs;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const shown = useMemo(
    () =>
      filterTemplates(cards, { text, category }, (card) => {
        const spec = specs?.get(card.trigger.type);
        return { trigger: spec ? `${spec.label} ${words.label(spec)}` : card.trigger.type, platforms: card.platforms.map((p) => platformLabels[p]) };
      }),
    [cards, text, category, specs, words],
  );
  const counts = useMemo(() => countByCategory(cards), [cards]);

  async function use(card: GalleryTemplateDto) {
    setError(null);
    setAdding(card.id);
    try {
      const file = await client.call('gallery.get', { id: card.id, locale });
      const problems = await client.call('flows.validate', { document: file.flow });
      if (problems.some((p) => p.severity !== 'warning')) {
        // An account to choose (the user has none, or several, that fit): the template opens in
        // the editor unsaved, its problems shown on the steps, and is saved when it is right.
        const specs = await client.call('nodes.list', {});
        handOff(newFlowId, createFlowEditorStore({ specs, imported: file.flow }));
        window.location.hash = pageHref('flows', newFlowId);
        return;
      }
      const flow = await client.call('flows.import', { file });
      window.location.hash = pageHref('flows', flow.id);
    } catch (e) {
      setError(t('failed', { message: toApiError(e).message }));
      setAdding(null);
    }
  }

  return (
    <dialog ref={dialog} className="gallery-dialog" aria-labelledby={titleId} onClose={onClose}>
      <header className="gallery-header">
        <div>
          <h2 id={titleId}>{t('title')}</h2>
          <p className="muted">{t('intro')}</p>
        </div>
        <button type="button" className="gallery-close" onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </header>
      <div className="gallery-tools">
        <input
          type="search"
          value={text}
          aria-label={t('search')}
          placeholder={t('searchPlaceholder')}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <div className="gallery-filters" role="group" aria-label={t('categoriesLabel')}>
          {filters.map((f) => (
            <button key={f} type="button" aria-pressed={category === f} onClick={() => setCategory(f)}>
              {t(`categories.${f}`)} <span className="gallery-count">{counts[f]}</span>
            </button>
          ))}
        </div>
      </div>
      {error ? (
        <div className="notice notice-error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      <ListStatus what={t('what')} loading={gallery.loading} error={gallery.error} empty={cards.length === 0} emptyText="" onRetry={gallery.reload} />
      {cards.length > 0 ? (
        <>
          <p className="muted gallery-shown" role="status">
            {shown.length === 0 ? t('empty', { query: text }) : t('shown', { count: shown.length })}
          </p>
          <div className="gallery-grid">
            {shown.map((card) => (
              <TemplateCard
                key={card.id}
                card={card}
                locale={locale}
                trigger={specs?.get(card.trigger.type)}
                words={words}
                adding={adding === card.id}
                disabled={adding !== null}
                onUse={(c) => void use(c)}
              />
            ))}
          </div>
        </>
      ) : null}
    </dialog>
  );
}
