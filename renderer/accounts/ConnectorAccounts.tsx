import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDto, AccountTestDto, ConnectorInfoDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { accountSummary } from './account-form.ts';
import { AccountForm } from './AccountForm.tsx';
import { AccountTestResult } from './AccountTestResult.tsx';

interface ConnectorAccountsProps {
  info: ConnectorInfoDto;
  accounts: readonly AccountDto[];
  onChanged: () => void;
  onRemove: (account: AccountDto) => void;
}

type Panel = { kind: 'none' } | { kind: 'add' } | { kind: 'edit'; account: AccountDto };

/** One connector's accounts: add, test, edit, remove. */
export function ConnectorAccounts({ info, accounts, onChanged, onRemove }: ConnectorAccountsProps) {
  const { t } = useTranslation('accounts');
  const headingId = useId();
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const label = t(`connectors.${info.id}.label`, { defaultValue: info.label });
  const saved = () => {
    setPanel({ kind: 'none' });
    onChanged();
  };

  return (
    <section className="acc-connector" aria-labelledby={headingId}>
      <header className="acc-connector-head">
        <div>
          <h3 id={headingId}>{label}</h3>
          <p className="conn-hint">{t(`connectors.${info.id}.description`, { defaultValue: info.description })}</p>
        </div>
        {panel.kind === 'none' ? (
          <button type="button" onClick={() => setPanel({ kind: 'add' })}>
            {t('add', { connector: label })}
          </button>
        ) : null}
      </header>
      {panel.kind !== 'none' ? (
        <AccountForm key={panel.kind === 'edit' ? panel.account.id : 'new'} info={info} existing={panel.kind === 'edit' ? panel.account : undefined} onSaved={saved} onCancel={() => setPanel({ kind: 'none' })} />
      ) : null}
      {accounts.length === 0 ? (
        <p className="muted acc-empty">{t('list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table aria-label={t('list.label', { connector: label })}>
            <thead>
              <tr>
                <th scope="col">{t('columns.account')}</th>
                <th scope="col">{t('columns.secrets')}</th>
                <th scope="col">{t('columns.test')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <AccountRow key={a.id} account={a} onEdit={() => setPanel({ kind: 'edit', account: a })} onRemove={() => onRemove(a)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AccountRow({ account, onEdit, onRemove }: { account: AccountDto; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation('accounts');
  const client = useApiClient();
  const [test, setTest] = useState<AccountTestDto | null>(account.lastTest);
  const [testing, setTesting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function runTest(): Promise<void> {
    setTesting(true);
    setError(null);
    try {
      setTest(await client.call('accounts.test', { id: account.id }));
    } catch (e) {
      setError(t('test.failed', { message: toApiError(e).message }));
    } finally {
      setTesting(false);
    }
  }

  const secrets = Object.entries(account.secretHints);
  return (
    <tr>
      <td>
        <div className="conn-name">{account.name}</div>
        <div className="sub mono">{accountSummary(account)}</div>
      </td>
      <td>
        <ul className="conn-hints">
          {secrets.map(([name, hint]) => (
            <li key={name}>
              <span className="muted">{t(`fields.${account.connector}.${name}.title`, { defaultValue: name })}</span> <span className="mono">{hint || t('list.noSecret')}</span>
            </li>
          ))}
        </ul>
      </td>
      <td className="acc-test-cell" aria-live="polite">
        {testing ? <p className="muted">{t('test.testing')}</p> : test ? <AccountTestResult test={test} /> : <p className="muted">{t('test.never')}</p>}
        {error ? (
          <p className="conn-error" role="alert">
            {error}
          </p>
        ) : null}
      </td>
      <td className="acc-actions">
        <button type="button" disabled={testing} onClick={() => void runTest()} aria-label={t('test.buttonOf', { name: account.name })}>
          {t('test.button')}
        </button>
        <button type="button" onClick={onEdit} aria-label={t('edit.buttonOf', { name: account.name })}>
          {t('edit.button')}
        </button>
        <button type="button" className="button-danger-quiet" onClick={onRemove} aria-label={t('remove.buttonOf', { name: account.name })}>
          {t('remove.button')}
        </button>
      </td>
    </tr>
  );
}
