import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import './bench.css';

/** A HAR keeps its requests under log.entries; anything else is taken for a capture file. */
export function fileFormat(file: unknown): 'capture' | 'har' {
  const log = (file as { log?: { entries?: unknown } } | null)?.log;
  return log && Array.isArray(log.entries) ? 'har' : 'capture';
}

/**
 * "Import capture file / HAR": the file is read here and checked by the engine, which takes all
 * its deliveries or none; a refusal is shown in its words.
 */
export function ImportCapture() {
  const { t } = useTranslation('bench');
  const client = useApiClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function take(file: File) {
    setBusy(true);
    setOutcome(null);
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        setOutcome({ ok: false, text: t('import.notJson', { file: file.name }) });
        return;
      }
      const answer = await client.call('inbox.import', { file: parsed, format: fileFormat(parsed) });
      setOutcome({ ok: true, text: t('import.done', { count: answer.imported, file: file.name }) });
    } catch (e) {
      setOutcome({ ok: false, text: t('import.refused', { file: file.name, message: toApiError(e).message }) });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div className="bench-import">
      <input
        ref={input}
        type="file"
        accept=".json,.har,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void take(file);
        }}
      />
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? t('import.working') : t('import.action')}
      </button>
      {outcome ? (
        <p className={outcome.ok ? 'bench-import-done' : 'bench-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}
