import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatViDay, parseViDay } from './day-text.ts';

interface Props {
  id: string;
  /** yyyy-MM-dd, or '' for none. */
  value: string;
  onChange: (day: string) => void;
}

/**
 * A day field. In Vietnamese it is typed as dd/MM/yyyy whatever the browser's own locale (the
 * native date input follows the system's, which shows mm/dd/yyyy on an English system); in
 * English it is the browser's date input.
 */
export function DayInput({ id, value, onChange }: Props) {
  const { t, i18n } = useTranslation('orders');
  const [text, setText] = useState(formatViDay(value));
  const [shown, setShown] = useState(value);
  // Set from outside (cleared): show the new day.
  if (value !== shown) {
    setShown(value);
    setText(formatViDay(value));
  }
  if (i18n.language !== 'vi') return <input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
  const day = parseViDay(text);
  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      placeholder={t('filters.dayPlaceholder')}
      value={text}
      aria-invalid={day === null}
      onChange={(e) => {
        setText(e.target.value);
        const next = parseViDay(e.target.value);
        if (next !== null && next !== value) {
          setShown(next);
          onChange(next);
        }
      }}
    />
  );
}
