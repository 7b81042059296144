import { useCallback, useMemo } from 'react';
import { useApiClient } from '../../../api/useApiClient.ts';
import { useApiQuery } from '../../../app/useApiQuery.ts';
import { useFlowEditor } from '../../store/flow-editor-context.ts';
import { fieldsSetByFlow, mergeCustomFields } from './custom-fields.ts';
import { rootScope, type FieldScope } from './field-catalog.ts';

/**
 * The condition builder's root scope with the customer's own fields added under Customer: those
 * customers have (`customers.fields`) and those this flow's steps set, so a condition can read a
 * field a step before it sets.
 */
export function useCustomFieldScope(): FieldScope {
  const client = useApiClient();
  const load = useCallback(() => client.call('customers.fields', {}), [client]);
  const stored = useApiQuery(load);
  // A string, so the editor redraws only when the fields set change, not on every move.
  const ownKey = useFlowEditor((s) => fieldsSetByFlow(s.nodes).map((f) => `${f.type}:${f.name}`).join('\n'));
  return useMemo(() => {
    const mine = ownKey === '' ? [] : ownKey.split('\n').map((k) => ({ type: k.slice(0, k.indexOf(':')) as 'text', name: k.slice(k.indexOf(':') + 1), customers: 0 }));
    const custom = mergeCustomFields(stored.data ?? [], mine);
    return custom.length === 0 ? rootScope : { ...rootScope, fields: [...rootScope.fields, ...custom] };
  }, [stored.data, ownKey]);
}
