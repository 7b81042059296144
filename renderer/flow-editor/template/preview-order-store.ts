import { createStore } from 'zustand';

/** The order a flow's templates are previewed against, as the picker shows it. */
export interface PreviewOrder {
  id: string;
  number: string;
  email: string | null;
}

/** An unsaved flow's choice: carried over to it once saved, never stored on disk. */
export const UNSAVED_FLOW = 'new';

const storageKey = 'flowdesk.templatePreviewOrders';

/** Null: the user chose the built-in sample order. */
type Choices = Record<string, PreviewOrder | null>;

function load(): Choices {
  try {
    const raw = globalThis.localStorage?.getItem(storageKey);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Choices) : {};
  } catch {
    return {};
  }
}

/**
 * The chosen preview order per flow id, for every open editor. Kept apart from the editor's
 * per-document store because it outlives it: reopening a flow (or the app) keeps its choice.
 */
export const previewOrders = createStore<{ byFlow: Choices }>()(() => ({ byFlow: load() }));

export function choosePreviewOrder(flowKey: string, order: PreviewOrder | null): void {
  const byFlow = { ...previewOrders.getState().byFlow };
  byFlow[flowKey] = order;
  previewOrders.setState({ byFlow });
  const { [UNSAVED_FLOW]: _unsaved, ...kept } = byFlow;
  try {
    globalThis.localStorage?.setItem(storageKey, JSON.stringify(kept));
  } catch {
    // A full or disabled storage only costs the memory of the choice.
  }
}

/** The flow's own choice; a just-saved flow falls back to what was chosen while it was new. */
export function previewOrderOf(byFlow: Choices, flowKey: string): PreviewOrder | null {
  const own = byFlow[flowKey];
  return own !== undefined ? own : (byFlow[UNSAVED_FLOW] ?? null);
}
