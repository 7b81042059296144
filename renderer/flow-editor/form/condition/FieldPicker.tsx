import './field-picker.css';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ConditionField } from '../../../../engine/contract/index.ts';
import { useConditionBuilder } from './builder-context.ts';
import { entryKey, fieldLabel, pickEntries, searchEntries, sectionOrder, type FieldScope, type PickEntry } from './field-catalog.ts';
import { itemNoun, listNoun, type SummaryWords } from './summarize.ts';

interface FieldPickerProps {
  scope: FieldScope;
  field: ConditionField | undefined;
  /** The rule's path, shown as is when the catalog does not know it (a flow from a newer version). */
  path: string;
  invalid: boolean;
  describedBy: string | undefined;
  /** Opens at once: the picker of a rule being added. */
  autoOpen?: boolean;
  onPick: (entry: PickEntry) => void;
  /** Closed without a pick; without it, focus goes back to the picker's button. */
  onCancel?: () => void;
}

/** The word for a field's type, shown beside its name: Money, Date, Choice… */
export function typeWord(field: ConditionField, t: SummaryWords['t']): string {
  if (field.options) return t('type.choice');
  if (field.type === 'list' && field.itemFields) return t('type.items');
  return t(`type.${field.type}`);
}

/**
 * The rule's field: a button showing the field and its type, opening a searchable list grouped by
 * section (Order, Line items, Customer…). Arrow keys move, Enter picks, Escape closes.
 */
export function FieldPicker({ scope, field, path, invalid, describedBy, autoOpen = false, onPick, onCancel }: FieldPickerProps) {
  const { words } = useConditionBuilder();
  const { t, lang } = words;
  const id = useId();
  const [open, setOpen] = useState(autoOpen);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const entries = useMemo(() => pickEntries(scope), [scope]);
  const shown = useMemo(() => searchEntries(entries, query), [entries, query]);

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, open]);

  const reset = () => {
    setOpen(false);
    setQuery('');
    setActive(0);
  };
  const cancel = (refocus: boolean) => {
    reset();
    if (onCancel) onCancel();
    else if (refocus) buttonRef.current?.focus();
  };
  const choose = (entry: PickEntry) => {
    reset();
    onPick(entry);
  };

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (shown.length === 0 ? 0 : (a + step + shown.length) % shown.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const entry = shown[active];
      if (entry) choose(entry);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel(true);
    }
  }

  const label = field ? fieldLabel(field, lang) : path || t('picker.choose');
  const optionId = (i: number) => `${id}-o${i}`;
  const sectionTitle = (section: PickEntry['section']) => t(`section.${section}`, { item: itemNoun(scope.list ?? undefined, words) });

  return (
    <div
      className="cond-picker"
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) cancel(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`cond-field${field ? '' : ' is-blank'}`}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-label={`${t('picker.field')}: ${label}`}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onClick={() => (open ? cancel(false) : setOpen(true))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span className="cond-field-name">{label}</span>
        {field ? <span className="cond-type">{typeWord(field, t)}</span> : null}
        <span className="cond-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        <div className="cond-picker-pop">
          <input
            type="search"
            autoFocus
            role="combobox"
            aria-label={t('picker.search')}
            aria-expanded="true"
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={shown.length > 0 ? optionId(active) : undefined}
            placeholder={t('picker.search')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          {shown.length === 0 ? (
            <p className="cond-empty">{t('picker.noMatch', { query })}</p>
          ) : (
            <ul ref={listRef} id={`${id}-list`} role="listbox" aria-label={t('picker.fields')} className="cond-options">
              {sectionOrder.flatMap((section) => {
                const rows = shown.map((entry, i) => ({ entry, i })).filter((r) => r.entry.section === section);
                if (rows.length === 0) return [];
                const via = rows.find((r) => r.entry.via)?.entry.via;
                return [
                  <li key={`s-${section}`} role="presentation" className="cond-section">
                    {sectionTitle(section)}
                    {via ? <span className="cond-section-hint">{t('picker.opensCheck', { list: listNoun(via, words) })}</span> : null}
                  </li>,
                  ...rows.map(({ entry, i }) => (
                    <li
                      key={entryKey(entry)}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === active}
                      className={`cond-option${entry.field.path === path && !entry.via ? ' is-current' : ''}`}
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseMove={() => setActive(i)}
                      onClick={() => choose(entry)}
                    >
                      <span className="cond-option-name">{fieldLabel(entry.field, lang)}</span>
                      <span className="cond-type">{typeWord(entry.field, t)}</span>
                    </li>
                  )),
                ];
              })}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
