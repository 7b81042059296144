import { InboxEntryDto } from './inbox.ts';
import { OrderSummaryDto } from './orders.ts';
import { TimelineEntryDto } from '../timeline.ts';
import { RunSummaryDto } from './flows.ts';
import { ReconcileProgress } from '../store-api.ts';

/** What the engine pushes to subscribers (SSE in a browser, IPC in Electron). */
export const engineEvents = {
  'delivery.received': InboxEntryDto,
  'run.finished': RunSummaryDto,
  'timeline.appended': TimelineEntryDto,
  'order.changed': OrderSummaryDto,
  /** A connection's reconciliation moved on (a page read, done, failed). */
  'reconcile.progress': ReconcileProgress,
};
