import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { pageHref } from '../../app/routes.ts';
import { useApiClient } from '../../api/useApiClient.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useFlowEditor } from '../store/flow-editor-context.ts';

interface FlowParamPickerProps {
  id: string;
  value: string;
  onChange: (value: unknown) => void;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
  'aria-required'?: boolean | undefined;
}

/**
 * A flow param (widget 'flow', "Start another flow"): the other flows by name, the ones that
 * are off marked, never the flow being edited (a flow cannot start itself), with a link to the
 * chosen one and a word when it is off (the step is skipped until it is on).
 */
export function FlowParamPicker({ id, value, onChange, ...aria }: FlowParamPickerProps) {
  const { t } = useTranslation('customer-actions');
  const client = useApiClient();
  const self = useFlowEditor((s) => s.flowId);
  const load = useCallback(() => client.call('flows.list', {}), [client]);
  const flows = useApiQuery(load);
  const others = (flows.data ?? []).filter((f) => f.id !== self).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const chosen = others.find((f) => f.id === value);
  return (
    <>
      <select id={id} {...aria} value={chosen ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        {!chosen ? <option value="">{value && !flows.loading ? t('flowPicker.missing', { id: value }) : t(flows.loading ? 'flowPicker.loading' : 'flowPicker.choose')}</option> : null}
        {others.map((f) => (
          <option key={f.id} value={f.id}>
            {f.activeVersion === null ? t('flowPicker.off', { name: f.name }) : f.name}
          </option>
        ))}
      </select>
      {flows.error ? <p className="param-problem">{t('flowPicker.failed', { message: flows.error.message })}</p> : null}
      {chosen?.activeVersion === null ? <p className="param-problem">{t('flowPicker.offHint')}</p> : null}
      {chosen ? (
        <p className="acc-picker-none">
          <a href={pageHref('flows', chosen.id)}>{t('flowPicker.open', { name: chosen.name })}</a>
        </p>
      ) : null}
    </>
  );
}
