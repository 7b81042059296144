import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './copy-button.css';

/** Copies a text to the clipboard and says so beside the button, where screen readers hear it too. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const { t } = useTranslation('connections');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), state === 'copied' ? 2500 : 8000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy(): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className="copy">
      <button type="button" aria-label={t('copy.label', { what })} onClick={() => void copy()}>
        {t('copy.button')}
      </button>
      <span role="status" className={`copy-status copy-${state}`}>
        {state === 'copied' ? t('copy.copied') : state === 'failed' ? t('copy.failed') : ''}
      </span>
    </span>
  );
}
