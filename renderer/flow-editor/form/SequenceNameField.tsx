import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { sequenceKey } from '../../../engine/contract/index.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';

interface SequenceNameFieldProps {
  id: string;
  value: string;
  /** Says which flows the named sequence starts (the enrol and remove steps; not the sequence's own trigger). */
  showFlows: boolean;
  onChange: (value: unknown) => void;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
  'aria-required'?: boolean | undefined;
}

/**
 * A sequence's name (widget 'sequence'): typed freely, with the sequences already in use offered
 * as suggestions, and, for a known one, which active flows it starts and how many customers are
 * in it now: a misspelt name would enrol customers in a sequence nothing sends.
 */
export function SequenceNameField({ id, value, showFlows, onChange, ...aria }: SequenceNameFieldProps) {
  const { t } = useTranslation('customer-actions');
  const client = useApiClient();
  const load = useCallback(() => client.call('sequences.list', {}), [client]);
  const sequences = useApiQuery(load);
  const listId = `${id}-sequences`;
  const known = value.trim() === '' ? undefined : (sequences.data ?? []).find((s) => sequenceKey(s.name) === sequenceKey(value));
  return (
    <>
      <input id={id} {...aria} type="text" list={listId} autoComplete="off" value={value} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
      <datalist id={listId} aria-label={t('sequenceField.known')}>
        {(sequences.data ?? []).map((s) => (
          <option key={s.name} value={s.name} />
        ))}
      </datalist>
      {showFlows && value.trim() !== '' && !sequences.loading ? (
        <p className="acc-picker-none" data-testid="sequence-flows">
          {t('sequenceField.flows', { count: known?.flows.length ?? 0, flows: (known?.flows ?? []).map((f) => `“${f.name}”`).join(', '), enrolled: known?.enrolled ?? 0 })}
        </p>
      ) : null}
    </>
  );
}
