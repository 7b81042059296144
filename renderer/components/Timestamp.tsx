import { useTranslation } from 'react-i18next';
import { formatTime } from '../app/format.ts';

/** A time in the chosen language's form; drawn again when the language changes. */
export function Timestamp({ iso }: { iso: string | null }) {
  const { i18n } = useTranslation();
  if (!iso) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={iso}>
      {formatTime(iso, new Date(), i18n.language)}
    </time>
  );
}
