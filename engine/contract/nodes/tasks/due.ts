import { z } from 'zod';

/**
 * When a task is due, as one Liquid field: empty (no due date), a time from when the step runs
 * ("in 2 days", "in 4 hours"; Vietnamese "sau 2 ngày" too), or a date the template renders
 * ("2026-12-24", "2026-12-24 17:00", an ISO time), read in the step's time zone.
 */
export const DueParam = z
  .string()
  .max(500)
  .default('')
  .meta({
    title: 'Due',
    description: 'Empty: no due date. “in 2 days”, “in 4 hours”, or a date such as {{ order.createdAt | date: "%Y-%m-%d" }} 17:00',
    widget: 'template',
  });
