import { useId, type ReactNode } from 'react';

/** A labelled control: the label names it by id, so its accessible name is the label alone. */
export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
