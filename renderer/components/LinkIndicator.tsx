import { useEffect } from 'react';
import { useLinkStatus } from '../api/useLinkStatus.ts';

const words = { open: 'Live', connecting: 'Connecting…', down: 'Engine unreachable' } as const;

/**
 * Says whether the app is hearing from the engine. Also writes the state to
 * `<html data-engine-link>`, which end-to-end tests wait on.
 */
export function LinkIndicator() {
  const status = useLinkStatus();
  useEffect(() => {
    document.documentElement.dataset.engineLink = status.state;
  }, [status.state]);
  return (
    <div className={`link link-${status.state}`} role="status" aria-label="Engine connection">
      <span className="link-dot" aria-hidden="true" />
      <span>{words[status.state]}</span>
      {status.detail ? <span className="link-detail">{status.detail}</span> : null}
    </div>
  );
}
