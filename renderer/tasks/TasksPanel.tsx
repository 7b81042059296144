import { useTranslation } from 'react-i18next';
import { LoadNotice } from '../components/LoadNotice.tsx';
import { TaskItem } from './TaskItem.tsx';
import { taskCounts } from './task-view.ts';
import { useMinuteClock, useOrderTasks } from './useOrderTasks.ts';
import './tasks.css';

/**
 * The order page's task list: what flows asked people to do for this order. Open tasks first
 * (overdue ones marked), a box to tick each off, who does it and by when; done ones below.
 */
export function TasksPanel({ orderId }: { orderId: string }) {
  const { t } = useTranslation('tasks');
  const q = useOrderTasks(orderId);
  const now = useMinuteClock();
  const tasks = q.tasks ?? [];
  const counts = taskCounts(tasks, now);

  return (
    <section className="order-card order-tasks" aria-labelledby="order-tasks-heading">
      <h2 id="order-tasks-heading">
        {t('panel.title')}
        {counts.open > 0 ? <span className="task-count">{t('panel.open', { count: counts.open })}</span> : null}
        {counts.overdue > 0 ? <span className="task-count task-count-overdue">{t('panel.overdueCount', { count: counts.overdue })}</span> : null}
      </h2>
      <LoadNotice
        loading={q.loading}
        error={q.error}
        empty={q.tasks === null}
        texts={{ loading: t('panel.loading'), empty: '', failed: (message) => t('panel.failed', { message }), retry: t('panel.retry') }}
        onRetry={q.reload}
      />
      {q.tasks !== null && tasks.length === 0 ? <p className="muted task-empty">{t('panel.empty')}</p> : null}
      {tasks.length > 0 ? (
        <ul className="task-list" aria-label={t('panel.list')}>
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} nowMs={now} actions={q} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
