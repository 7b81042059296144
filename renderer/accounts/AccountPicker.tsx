import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../engine/contract/index.ts';
import { pageHref } from '../app/routes.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { useApiQuery } from '../app/useApiQuery.ts';
import { accountSummary } from './account-form.ts';
import './accounts.css';

interface AccountPickerProps {
  id: string;
  connector: string;
  /** Several connectors' accounts in one list, grouped by provider (the SMS step: eSMS, SpeedSMS, Twilio). */
  connectors?: readonly string[] | undefined;
  value: string;
  onChange: (value: unknown) => void;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
  'aria-required'?: boolean | undefined;
  /** The step works without an account too (the HTTP step's credentials): "none" stays a choice. */
  optional?: boolean | undefined;
}

/** A node's account param (widget 'account'): the connector's accounts by name, and a way to add one. */
export function AccountPicker({ id, connector, connectors, value, onChange, optional, ...aria }: AccountPickerProps) {
  const { t } = useTranslation('accounts');
  const client = useApiClient();
  const among = connectors?.join(' ') ?? '';
  const load = useCallback(
    () => (among ? client.call('accounts.list', {}).then((all) => all.filter((a) => among.split(' ').includes(a.connector))) : client.call('accounts.list', { connector })),
    [client, connector, among],
  );
  const accounts = useApiQuery(load);
  const list = accounts.data ?? [];
  const groups = among ? among.split(' ').map((c) => ({ connector: c, accounts: list.filter((a) => a.connector === c) })).filter((g) => g.accounts.length > 0) : [];
  const known = list.some((a) => a.id === value);
  return (
    <>
      <select id={id} {...aria} value={value} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        {!known || optional ? <option value="">{value && !known ? t('picker.gone') : optional ? t('picker.noAccount') : t('picker.choose')}</option> : null}
        {among
          ? groups.map((g) => (
              <optgroup key={g.connector} label={t(`connectors.${g.connector}.label`, { defaultValue: g.connector })}>
                {g.accounts.map((a) => (
                  <AccountOption key={a.id} account={a} />
                ))}
              </optgroup>
            ))
          : list.map((a) => <AccountOption key={a.id} account={a} />)}
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

function AccountOption({ account }: { account: AccountDto }) {
  const summary = accountSummary(account);
  return <option value={account.id}>{summary ? `${account.name} (${summary})` : account.name}</option>;
}
