import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatViDateTime, formatViDay, parseViDateTime, parseViDay } from './day-text.ts';

interface Props {
  id: string;
  /** yyyy-MM-dd (with `withTime`, yyyy-MM-ddTHH:mm), or '' for none. */
  value: string;
  onChange: (day: string) => void;
  /** A day and a time of day (the inbox's "received from"): dd/MM/yyyy HH:mm in Vietnamese. */
  withTime?: boolean;
}

/**
 * A day field. In Vietnamese it is typed as dd/MM/yyyy whatever the browser's own locale (the
 * native date input follows the system's, which shows mm/dd/yyyy on an English system); in
 * English it is the browser's date input.
 */
export function DayInput({ id, value, onChange, withTime = false }: Props) {
  const { t, i18n } = useTranslation('orders');
  const format = withTime ? formatViDateTime : formatViDay;
  const parse = withTime ? parseViDateTime : parseViDay;
  const [text, setText] = useState(format(value));
  const [shown, setShown] = useState(value);
  // Set from outside (cleared): show the new day.
  if (value !== shown) {
    setShown(value);
    setText(format(value));
  }
  if (i18n.language !== 'vi') return <input id={id} type={withTime ? 'datetime-local' : 'date'} value={value} onChange={(e) => onChange(e.target.value)} />;
  const day = parse(text);
  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      placeholder={t(withTime ? 'filters.dayTimePlaceholder' : 'filters.dayPlaceholder')}
      value={text}
      aria-invalid={day === null}
      onChange={(e) => {
        setText(e.target.value);
        const next = parse(e.target.value);
        if (next !== null && next !== value) {
          setShown(next);
          onChange(next);
        }
      }}
    />
  );
}
