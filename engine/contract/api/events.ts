import { InboxEntryDto } from './inbox.ts';
import { OrderSummaryDto } from './orders.ts';
import { TimelineEntryDto } from '../timeline.ts';
import { RunSummaryDto } from './flows.ts';

/** What the engine pushes to subscribers (SSE in a browser, IPC in Electron). */
export const engineEvents = {
  'delivery.received': InboxEntryDto,
  'run.finished': RunSummaryDto,
  'timeline.appended': TimelineEntryDto,
  'order.changed': OrderSummaryDto,
};
