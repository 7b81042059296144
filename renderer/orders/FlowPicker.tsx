import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowSummaryDto } from '../../engine/contract/index.ts';

interface FlowPickerProps {
  flows: readonly FlowSummaryDto[];
  value: string;
  onChange: (flowId: string) => void;
  disabled?: boolean;
  className?: string;
}

/** "Flow: [Choose a flow…]": each flow by name, saying whether it is on (a flow need not be on to run by hand). */
export function FlowPicker({ flows, value, onChange, disabled = false, className = 'run-on-order-field' }: FlowPickerProps) {
  const { t } = useTranslation('manual-run');
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{t('flow')}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('choose')}</option>
        {flows.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name} ({f.activeVersion !== null ? t('on') : t('off')})
          </option>
        ))}
      </select>
    </div>
  );
}
