import type { ApiError } from '../api/api-error.ts';

interface ListStatusProps {
  what: string;
  loading: boolean;
  error: ApiError | null;
  empty: boolean;
  emptyText: string;
  onRetry: () => void;
}

/** What a list shows instead of (or above) its rows: loading, a failure with a retry, or nothing yet. */
export function ListStatus({ what, loading, error, empty, emptyText, onRetry }: ListStatusProps) {
  if (error) {
    return (
      <div className="notice notice-error" role="alert">
        <p>
          Could not load {what}: {error.message}
        </p>
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (loading && empty) return <p className="notice">Loading {what}…</p>;
  if (empty) return <p className="notice">{emptyText}</p>;
  return null;
}
