import type { ApiError } from '../api/api-error.ts';

export interface LoadNoticeTexts {
  loading: string;
  empty: string;
  /** "Could not load the orders: …", given the error's message. */
  failed: (message: string) => string;
  retry: string;
}

interface LoadNoticeProps {
  loading: boolean;
  error: ApiError | null;
  empty: boolean;
  texts: LoadNoticeTexts;
  onRetry: () => void;
}

/**
 * ListStatus with every word supplied by the caller (in the caller's language): loading, a
 * failure with a retry, or nothing yet.
 */
export function LoadNotice({ loading, error, empty, texts, onRetry }: LoadNoticeProps) {
  if (error) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{texts.failed(error.message)}</p>
        <button type="button" onClick={onRetry}>
          {texts.retry}
        </button>
      </div>
    );
  }
  if (loading && empty) return <p className="notice">{texts.loading}</p>;
  if (empty) return <p className="notice">{texts.empty}</p>;
  return null;
}
