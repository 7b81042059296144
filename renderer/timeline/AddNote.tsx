import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';

/** As the engine checks it (contract/api/timeline.ts NoteText). */
export const NOTE_MAX = 2000;

/** Why a note cannot be saved yet, or null: not blank, at most 2000 characters. */
export function noteProblem(text: string): 'empty' | 'tooLong' | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  return trimmed.length > NOTE_MAX ? 'tooLong' : null;
}

/**
 * "Add a note" under an order's timeline (issue 14: manual notes): the merchant's own words,
 * kept on the timeline as a note by "you". The new entry arrives through the timeline's live
 * feed, like every other.
 */
export function AddNote({ orderId }: { orderId: string }) {
  const { t } = useTranslation('orders');
  const client = useApiClient();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const why = noteProblem(text);
    if (why) {
      setProblem(t(`timeline.addNote.${why}`, { max: NOTE_MAX }));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await client.call('timeline.addNote', { orderId, text: text.trim() });
      setText('');
      setSaved(true);
    } catch (error) {
      setProblem(t('timeline.addNote.failed', { message: toApiError(error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="timeline-add-note" aria-label={t('timeline.addNote.title')} onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={id}>{t('timeline.addNote.title')}</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        maxLength={NOTE_MAX}
        placeholder={t('timeline.addNote.placeholder')}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
          setProblem(null);
        }}
      />
      <div className="timeline-add-note-foot">
        <span className="muted">{t('timeline.addNote.count', { count: text.trim().length, max: NOTE_MAX })}</span>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('timeline.addNote.saving') : t('timeline.addNote.save')}
        </button>
      </div>
      {problem ? (
        <p className="timeline-add-note-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {saved && !problem ? (
        <p className="timeline-add-note-saved" role="status">
          {t('timeline.addNote.saved')}
        </p>
      ) : null}
    </form>
  );
}
