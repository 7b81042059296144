import { useTranslation } from 'react-i18next';
import type { AccountTestDto } from '../../engine/contract/index.ts';
import { Timestamp } from '../components/Timestamp.tsx';

/** A test's answer in the user's words, with what the provider said verbatim. */
export function AccountTestResult({ test }: { test: AccountTestDto }) {
  const { t } = useTranslation('accounts');
  const facts = Object.entries(test.facts);
  return (
    <div className={`acc-test ${test.ok ? 'acc-test-ok' : 'acc-test-failed'}`} role="status">
      <p className="acc-test-verdict">
        <span aria-hidden="true">{test.ok ? '✓' : '✕'}</span> {t(`test.code.${test.code}`)}
      </p>
      {facts.length > 0 ? (
        <p className="acc-test-facts">
          {facts.map(([k, v]) => (
            <span key={k}>{t(`test.fact.${k}`, { value: typeof v === 'number' ? v.toLocaleString() : v, defaultValue: `${k}: ${String(v)}` })}</span>
          ))}
        </p>
      ) : null}
      {test.answer ? (
        <p className="acc-test-answer">
          {t('test.answer')} <code>{test.answer}</code>
        </p>
      ) : !test.ok ? (
        <p className="acc-test-answer">{test.message}</p>
      ) : null}
      <p className="muted acc-test-at">
        {t('test.at')} <Timestamp iso={test.at} />
      </p>
    </div>
  );
}
