import { useTranslation } from 'react-i18next';

/** An order's tags; those Flowdesk's flows added are marked, in words as well as in colour. */
export function OrderTags({ tags, localTags }: { tags: readonly string[]; localTags: readonly string[] }) {
  const { t } = useTranslation('orders');
  if (tags.length === 0) return <span className="muted">{t('tags.none')}</span>;
  const local = new Set(localTags.map((tag) => tag.toLowerCase()));
  return (
    <ul className="tags" aria-label={t('tags.label')}>
      {tags.map((tag) => {
        const added = local.has(tag.toLowerCase());
        return (
          <li key={tag} className={added ? 'tag tag-local' : 'tag'} title={added ? t('tags.local') : undefined}>
            {added ? <span aria-hidden="true">✦ </span> : null}
            {tag}
            {added ? <span className="visually-hidden"> ({t('tags.local')})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
