import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { pageHref } from '../app/routes.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { accountSummary } from './account-form.ts';
import './accounts.css';

interface AccountPickerProps {
  id: string;
  connector: string;
  value: string;
  onChange: (value: unknown) => void;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
  'aria-required'?: boolean | undefined;
}

/** A node's account param (widget 'account'): the connector's accounts by name, and a way to add one. */
export function AccountPicker({ id, connector, value, onChange, ...aria }: AccountPickerProps) {
  const { t } = useTranslation('accounts');
  const client = useApiClient();
  const load = useCallback(() => client.call('accounts.list', { connector }), [client, connector]);
  const accounts = useApiQuery(load);
  const list = accounts.data ?? [];
  const known = list.some((a) => a.id === value);
  return (
    <>
      <select id={id} {...aria} value={value} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        {!known ? <option value="">{value ? t('picker.gone') : t('picker.choose')}</option> : null}
        {list.map((a) => (
          <option key={a.id} value={a.id}>
            {accountSummary(a) ? `${a.name} (${accountSummary(a)})` : a.name}
          </option>
        ))}
      </select>
      {accounts.error ? <p className="param-problem">{t('list.failed', { message: accounts.error.message })}</p> : null}
      {!accounts.loading && list.length === 0 ? (
        <p className="acc-picker-none">
          {t('picker.none')} <a href={`${pageHref('connections')}`}>{t('picker.add')}</a>
        </p>
      ) : (
        <p className="acc-picker-none">
          <a href={pageHref('connections')}>{t('picker.manage')}</a>
        </p>
      )}
    </>
  );
}
