import type { TFunction } from 'i18next';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateVariable } from '../../../engine/contract/index.ts';
import { fold, snippetFor } from './template-text.ts';
import { sourceName } from './TemplateOutcome.tsx';
import { useTemplateVariables } from './useTemplateVariables.ts';
import { variableLabel } from './variable-labels.ts';

interface VariableListProps {
  id: string;
  onPick: (snippet: string) => void;
  onClose: () => void;
}

const MAX_SHOWN = 80;

/** The picker's popup: a search box over the variables (path, words, value) and the matches; arrows and Enter pick. */
export function VariableList({ id, onPick, onClose }: VariableListProps) {
  const { t, i18n } = useTranslation('templates');
  const state = useTemplateVariables();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const variables = state.status === 'ready' ? state.result.variables : [];

  const rows = useMemo(
    () => variables.map((v) => ({ v, label: variableLabel(v.path, i18n.language), snippet: snippetFor(v, variables) })),
    [variables, i18n.language],
  );
  const matches = useMemo(() => {
    const terms = fold(query).split(/\s+/).filter(Boolean);
    if (terms.length === 0) return rows.slice(0, MAX_SHOWN);
    // Paths that hold every term come first, shortest first (customer.email before order.customer.email).
    const scored = rows.flatMap((r) => {
      const path = fold(r.v.path);
      const text = `${path} ${fold(r.label ?? '')} ${fold(String(r.v.sample ?? ''))}`;
      if (!terms.every((term) => text.includes(term))) return [];
      return [{ r, score: terms.every((term) => path.includes(term)) ? path.length : 1000 + path.length }];
    });
    return scored.sort((a, b) => a.score - b.score).slice(0, MAX_SHOWN).map((x) => x.r);
  }, [rows, query]);
  const current = Math.min(active, Math.max(0, matches.length - 1));

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + matches.length) % Math.max(1, matches.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const row = matches[current];
      if (row) onPick(row.snippet);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  }

  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="tpl-variables" id={id} role="dialog" aria-label={t('variables.title')}>
      <input
        type="search"
        role="combobox"
        aria-label={t('variables.search')}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={matches.length > 0 ? optionId(current) : undefined}
        placeholder={t('variables.searchPlaceholder')}
        value={query}
        autoFocus
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {state.status === 'ready' ? <p className="tpl-variables-source">{t('variables.valuesFrom', { order: sourceName(state.result.source, t) })}</p> : null}
      {state.status === 'loading' ? <p className="tpl-variables-note">{t('variables.loading')}</p> : null}
      {state.status === 'failed' ? <p className="tpl-failed">{t('variables.failed', { message: state.message })}</p> : null}
      {state.status === 'ready' && matches.length === 0 ? <p className="tpl-variables-note">{t('variables.none')}</p> : null}
      <ul id={`${id}-list`} role="listbox" aria-label={t('variables.title')} className="tpl-variable-list">
        {matches.map((row, i) => (
          <li
            key={row.v.path}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'is-active' : undefined}
            // Keeps the focus in the search box until the choice is made.
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== current && setActive(i)}
            onClick={() => onPick(row.snippet)}
          >
            <span className="tpl-variable-path">{row.v.path}</span>
            <span className="tpl-variable-type">{t(`variables.types.${row.v.type}`)}</span>
            {row.label ? <span className="tpl-variable-label">{row.label}</span> : null}
            <span className={`tpl-variable-sample${row.v.sample === null && row.v.count === undefined ? ' is-none' : ''}`}>{sampleText(row.v, t)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function sampleText(v: TemplateVariable, t: TFunction): string {
  if (v.type === 'list' && v.sample === null) return t('variables.items', { count: v.count ?? 0 });
  if (v.sample === null) return t('variables.noValue');
  return String(v.sample);
}
