import { useId } from 'react';

/** A secret typed once: a password field, never filled back in by the browser. */
export function SecretInput({ label, required, value, placeholder, onChange }: { label: string; required: boolean; value: string; placeholder?: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="conn-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        required={required}
        autoComplete="new-password"
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
