import { useCallback, useEffect, useReducer, useState } from 'react';
import type { TaskDto } from '../../engine/contract/index.ts';
import { toApiError, type ApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';
import { replaceTask, sortTasks } from './task-view.ts';

export interface OrderTasks {
  tasks: TaskDto[] | null;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
  setDone: (id: string, done: boolean) => Promise<void>;
  update: (id: string, change: { assignee: string | null; dueAt: string | null }) => Promise<void>;
  remove: (id: string) => Promise<void>;
}

/**
 * An order's tasks, live: a flow making one (`task_created`) or anyone ticking one off
 * (`task_done`) appends to the order's timeline, and the list loads again. A change made here
 * shows the engine's answer at once.
 */
export function useOrderTasks(orderId: string): OrderTasks {
  const client = useApiClient();
  const [tasks, setTasks] = useState<TaskDto[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, reload] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    client.call('tasks.forOrder', { orderId }).then(
      (list) => {
        if (!current) return;
        setTasks(sortTasks(list));
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(toApiError(e));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [client, orderId, generation]);

  useEffect(
    () =>
      client.subscribe('timeline.appended', (entry) => {
        if (entry.orderId === orderId && (entry.kind === 'task_created' || entry.kind === 'task_done')) reload();
      }),
    [client, orderId],
  );

  const setDone = useCallback(
    async (id: string, done: boolean) => {
      const next = await client.call('tasks.setDone', { id, done });
      setTasks((list) => (list ? replaceTask(list, id, next) : list));
    },
    [client],
  );
  const update = useCallback(
    async (id: string, change: { assignee: string | null; dueAt: string | null }) => {
      const next = await client.call('tasks.update', { id, ...change });
      setTasks((list) => (list ? replaceTask(list, id, next) : list));
    },
    [client],
  );
  const remove = useCallback(
    async (id: string) => {
      await client.call('tasks.delete', { id });
      setTasks((list) => (list ? replaceTask(list, id, null) : list));
    },
    [client],
  );

  return { tasks, loading, error, reload, setDone, update, remove };
}

/** The time now, again every minute: what turns a task overdue while the page is open. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
