import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { formatTime } from '../app/format.ts';
import { TaskEditForm } from './TaskEditForm.tsx';
import { isOverdue } from './task-view.ts';
import type { OrderTasks } from './useOrderTasks.ts';

interface TaskItemProps {
  task: TaskDto;
  nowMs: number;
  actions: Pick<OrderTasks, 'setDone' | 'update' | 'remove'>;
}

/** One task: a box to tick it off, what to do, who and by when; Edit opens who/when in place. */
export function TaskItem({ task, nowMs, actions }: TaskItemProps) {
  const { t } = useTranslation('tasks');
  const id = useId();
  // The box shows the click at once; the engine's answer then replaces the task (or the box goes back).
  const [ticking, setTicking] = useState<boolean | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const overdue = isOverdue(task, nowMs);

  async function toggle(done: boolean) {
    setTicking(done);
    setError(null);
    try {
      await actions.setDone(task.id, done);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setTicking(null);
    }
  }

  const classes = ['task-item', task.done ? 'task-done' : '', overdue ? 'task-overdue' : ''].filter(Boolean).join(' ');
  return (
    <li className={classes} data-task-id={task.id}>
      <input
        id={`${id}-done`}
        className="task-check"
        type="checkbox"
        checked={ticking ?? task.done}
        disabled={ticking !== null}
        onChange={(e) => void toggle(e.target.checked)}
        aria-label={t(task.done ? 'task.markOpen' : 'task.markDone', { title: task.title })}
      />
      <div className="task-body">
        <div className="task-head">
          <label htmlFor={`${id}-done`} className="task-title">
            {task.title}
          </label>
          {!editing ? (
            <button type="button" className="link-button task-edit-button" onClick={() => setEditing(true)} aria-label={t('task.editOf', { title: task.title })}>
              {t('task.edit')}
            </button>
          ) : null}
        </div>
        <p className="task-meta">
          <span className={task.assignee ? 'task-who' : 'task-who muted'}>{task.assignee ? t('task.for', { who: task.assignee }) : t('task.nobody')}</span>
          <span aria-hidden="true"> · </span>
          {task.done ? (
            <span className="task-when">{task.doneAt ? t('task.doneAt', { time: formatTime(task.doneAt) }) : null}</span>
          ) : task.dueAt ? (
            <span className={overdue ? 'task-when task-when-overdue' : 'task-when'}>
              <time dateTime={task.dueAt} title={task.dueAt}>
                {t('task.due', { time: formatTime(task.dueAt) })}
              </time>
              {overdue ? <strong className="task-overdue-badge">{t('task.overdue')}</strong> : null}
            </span>
          ) : (
            <span className="task-when muted">{t('task.noDue')}</span>
          )}
        </p>
        {task.notes ? <p className="task-notes">{task.notes}</p> : null}
        <p className="task-origin muted">
          {task.flowName ? t('task.fromFlow', { flow: task.flowName }) : t('task.fromPerson')}, {t('task.created', { time: formatTime(task.createdAt) })}
        </p>
        {error ? (
          <p className="notice notice-error" role="alert">
            {t('task.saveFailed', { message: error })}
          </p>
        ) : null}
        {editing ? <TaskEditForm task={task} actions={actions} onClose={() => setEditing(false)} /> : null}
      </div>
    </li>
  );
}
