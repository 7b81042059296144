import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { parseLocalNumber } from '../app/format.ts';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: number | undefined;
  /** The number typed, or undefined while the field is blank or not (yet) a number. */
  onChange: (value: number | undefined) => void;
};

const shown = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '' : String(n));

/**
 * A number field that reads numbers as the user writes them in their language: "2.000.000" or
 * "12,5" in Vietnamese (a browser's number input refuses both). The text stays as typed while
 * it is being edited; what is not a number marks the field invalid and sets nothing.
 */
export function LocalNumberInput({ value, onChange, onBlur, ...rest }: Props) {
  const { i18n } = useTranslation();
  const [text, setText] = useState(shown(value));
  // A value changed from outside (undo, another control) replaces the text, unless it is what the text says.
  useEffect(() => {
    setText((current) => (parseLocalNumber(current, i18n.language) === (value ?? null) ? current : shown(value)));
  }, [value, i18n.language]);
  const invalid = text.trim() !== '' && parseLocalNumber(text, i18n.language) === null;
  return (
    <input
      {...rest}
      type="text"
      inputMode="decimal"
      value={text}
      aria-invalid={invalid || rest['aria-invalid'] === true ? true : undefined}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseLocalNumber(e.target.value, i18n.language) ?? undefined);
      }}
      onBlur={onBlur}
    />
  );
}
