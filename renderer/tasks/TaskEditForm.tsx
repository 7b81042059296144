import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { fromLocalInput, toLocalInput } from './task-view.ts';
import type { OrderTasks } from './useOrderTasks.ts';

interface TaskEditFormProps {
  task: TaskDto;
  actions: Pick<OrderTasks, 'update' | 'remove'>;
  onClose: () => void;
}

/** Who does a task and by when, changed in place; deleting it asks once more. */
export function TaskEditForm({ task, actions, onClose }: TaskEditFormProps) {
  const { t } = useTranslation('tasks');
  const id = useId();
  const [assignee, setAssignee] = useState(task.assignee ?? '');
  const [due, setDue] = useState(toLocalInput(task.dueAt));
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      onClose();
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  }

  function save(e: FormEvent) {
    e.preventDefault();
    void run(() => actions.update(task.id, { assignee: assignee.trim() === '' ? null : assignee.trim(), dueAt: fromLocalInput(due) }));
  }

  return (
    <form className="task-edit" onSubmit={save} aria-label={t('edit.legend', { title: task.title })}>
      <label className="field" htmlFor={`${id}-who`}>
        {t('edit.assignee')}
        <input id={`${id}-who`} type="text" value={assignee} maxLength={200} placeholder={t('edit.assigneePlaceholder')} onChange={(e) => setAssignee(e.target.value)} />
      </label>
      <label className="field" htmlFor={`${id}-due`}>
        {t('edit.due')}
        <span className="task-edit-due">
          <input id={`${id}-due`} type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
          {due !== '' ? (
            <button type="button" className="link-button" onClick={() => setDue('')}>
              {t('edit.clearDue')}
            </button>
          ) : null}
        </span>
      </label>
      {error ? (
        <p className="notice notice-error" role="alert">
          {t('task.saveFailed', { message: error })}
        </p>
      ) : null}
      {confirming ? (
        <div className="task-edit-confirm" role="group" aria-label={t('edit.delete')}>
          <p>{t('edit.confirmDelete', { title: task.title })}</p>
          <div className="task-edit-actions">
            <button type="button" className="button-danger" disabled={busy} onClick={() => void run(() => actions.remove(task.id))}>
              {t('edit.confirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {t('edit.keep')}
            </button>
          </div>
        </div>
      ) : (
        <div className="task-edit-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('edit.saving') : t('edit.save')}
          </button>
          <button type="button" disabled={busy} onClick={onClose}>
            {t('edit.cancel')}
          </button>
          <button type="button" className="button-danger-quiet task-edit-delete" disabled={busy} onClick={() => setConfirming(true)}>
            {t('edit.delete')}
          </button>
        </div>
      )}
    </form>
  );
}
