import type { TimelineEntryDto } from '../contract/index.ts';

const list = (xs: readonly string[]) => xs.join(', ');

/**
 * A timeline entry in one line of English, for the command line (the editor has its own
 * words, in Vietnamese and English). Entries written before they were typed keep their title.
 */
export function timelineText(e: TimelineEntryDto): string {
  const text = sentence(e);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(e: TimelineEntryDto): string {
  const d = e.data;
  if (!d) return e.legacyTitle ?? '';
  switch (d.kind) {
    case 'delivery':
      return `${d.topic ?? 'delivery'} received${d.connectionName ? ` from ${d.connectionName}` : ''}: ${d.signature ?? d.verdict}`;
    case 'order_created':
      return `order ${d.number ?? ''} recorded (${[d.financialStatus, d.fulfillmentStatus, d.deliveryStatus].filter(Boolean).join(', ')})`.replace('  ', ' ');
    case 'status_change':
      return `status changed: ${Object.entries(d.changes).map(([k, v]) => `${k} ${v.from ?? '—'} → ${v.to ?? '—'}`).join(', ')}${d.source ? ` (from ${d.source})` : ''}`;
    case 'stale_delivery':
      return `older than what Flowdesk has (updated ${d.incomingUpdatedAt}, stored ${d.storedUpdatedAt}): not applied`;
    case 'customer':
      return `customer ${d.who ?? d.customerId ?? ''} ${d.change} from this order`;
    case 'run': {
      const flow = `flow "${d.flowName ?? d.flowId ?? '?'}"${d.replay ? ' (replay)' : ''}${d.dryRun ? ' (dry run)' : ''}`;
      if (d.status === 'failed') return `${flow} failed: ${d.error ?? ''}`;
      if (d.status === 'skipped') return `${flow} not run: ${d.reason ?? ''}`;
      if (d.status === 'waiting') return `${flow} waits until ${d.dueAt ?? '?'}${d.wait ? ` — ${d.wait.reason}` : ''}`;
      if (d.status === 'cancelled') return `${flow} cancelled: ${d.reason ?? ''}`;
      if (d.status === 'running') return `${flow} started (version ${d.flowVersion ?? '?'})`;
      return `${flow} ${d.status}`;
    }
    case 'step': {
      const name = d.label ?? d.nodeType;
      if (d.wouldDo && d.wouldDo.length > 0) return `${name}: would do ${list(d.wouldDo)}`;
      if (d.status === 'waiting') return `${name}: waiting until ${d.dueAt ?? '?'}`;
      if (d.status === 'done') return `${name}: done${d.port && d.port !== 'out' ? ` (${d.port})` : ''}`;
      return `${name}: ${d.status}${d.reason ? `: ${d.reason}` : ''}`;
    }
    case 'tag_added':
      return d.added.length > 0
        ? `${d.target === 'customer' ? 'customer ' : ''}tag ${list(d.added)} added${d.flowName ? ` by "${d.flowName}"` : ''}`
        : `tag ${list(d.tags)} already on the ${d.target}`;
    case 'note':
      return d.text ?? e.legacyTitle ?? '';
    case 'task_created':
      return `task "${d.title}" created${d.assignee ? ` for ${d.assignee}` : ''}${d.dueAt ? `, due ${d.dueAt}` : ''}${d.flowName ? ` by "${d.flowName}"` : ''}`;
    case 'task_done':
      return d.done ? `task "${d.title}" done` : `task "${d.title}" opened again`;
    case 'customer_field':
      return `customer ${d.field.replace(/^fields\./, 'field ')} ${d.value === null ? 'cleared' : `set to ${String(d.value)}`}${d.flowName ? ` by "${d.flowName}"` : ''}`;
    case 'sequence':
      return d.change === 'enrolled'
        ? `customer enrolled in sequence "${d.sequence}" (${d.runs} flow(s) started)`
        : `customer left sequence "${d.sequence}" (${d.runs} waiting run(s) cancelled)`;
    case 'write_back':
      return `${d.platform ?? 'store'} ${d.already ? 'already had' : 'did'} ${d.action}${d.flowName ? ` for "${d.flowName}"` : ''}${d.answer ? `: ${d.answer}` : ''}`;
    case 'echo':
      return `echo of Flowdesk's own change (${list(d.actions)}${d.flowNames.length > 0 ? ` by ${list(d.flowNames.map((n) => `"${n}"`))}` : ''}): no flow started`;
    case 'fulfillment': {
      const state = d.to ? ` (now ${d.to.status.replace('_', ' ')}${d.to.requestStatus !== 'unsubmitted' ? `, request ${d.to.requestStatus.replaceAll('_', ' ')}` : ''})` : '';
      const extra = [d.message ? `"${d.message}"` : null, d.trackingNumber ? `tracking ${d.trackingNumber}` : null, d.warning].filter(Boolean).join('; ');
      return `fulfillment order ${d.foId}: ${d.step.replaceAll('_', ' ')} by the ${d.by}${state}${extra ? ` — ${extra}` : ''}`;
    }
    case 'inventory': {
      if (d.skipped) return `cancelled: nothing restocked (processed at the store)`;
      const why = d.reason === 'order_placed' ? 'stock taken for the order' : d.reason === 'cancelled' ? 'items restocked (order cancelled)' : 'items restocked (return recorded)';
      return `${why} at ${d.location}: ${list(d.lines.map((l) => `${l.sku} ${l.delta > 0 ? '+' : ''}${l.delta} (on hand ${l.onHand})`))}`;
    }
    case 'return':
      return `${d.status === 'returned' ? 'returned' : 'partially returned'} (${d.quantity} item${d.quantity === 1 ? '' : 's'}), refunded ${d.refundedAmount}${d.currency ? ` ${d.currency}` : ''}; nothing restocked until a return is recorded`;
    case 'process_at_store':
      return `"Process at the store" turned ${d.on ? 'on: status no longer synced back to the marketplace' : 'off'}`;
  }
}
