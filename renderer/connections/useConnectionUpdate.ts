import { useState } from 'react';
import type { ApiArgsInput, ConnectionDto, PlatformInfoDto } from '../../engine/contract/index.ts';
import { toApiError } from '../api/api-error.ts';
import { useApiClient } from '../api/useApiClient.ts';

/** What a panel that edits a saved connection is given (the settings panel, the API access panel). */
export interface ConnectionPanelProps {
  connection: ConnectionDto;
  info: PlatformInfoDto;
  onSaved: (connection: ConnectionDto) => void;
  onClose: () => void;
}

export type SaveMessage = { kind: 'saved' | 'error'; text: string } | null;

/**
 * Saves a change to a saved connection (`connections.update`) for a panel: busy while it runs,
 * then a message — the panel's "saved" words, or its "failed" words around the engine's reason.
 */
export function useConnectionUpdate(words: { saved: string; failed: (message: string) => string }, onSaved: (connection: ConnectionDto) => void) {
  const client = useApiClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<SaveMessage>(null);
  async function update(args: ApiArgsInput<'connections.update'>): Promise<ConnectionDto | null> {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await client.call('connections.update', args);
      setMessage({ kind: 'saved', text: words.saved });
      onSaved(saved);
      return saved;
    } catch (e) {
      setMessage({ kind: 'error', text: words.failed(toApiError(e).message) });
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, message, setMessage, update };
}
