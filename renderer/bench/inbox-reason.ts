import type { TFunction } from 'i18next';

/**
 * An accepted delivery's reason is the platform adapter's verification note, in the engine's
 * English ("X-Shopify-Hmac-Sha256 verified"): said in the user's language, naming what was
 * checked. Any other reason (a refusal, a failure) keeps the engine's words, which name the
 * header or field at fault.
 */
export function inboxReasonText(reason: string, t: TFunction): string {
  const header = /^((?:X-[\w-]+)|Authorization) verified(?: \(.+\))?$/.exec(reason);
  if (header) return t('inbox:reason.headerVerified', { header: header[1] });
  if (reason === 'checksum verified') return t('inbox:reason.checksumVerified');
  if (reason === 'secret token in the URL verified') return t('inbox:reason.urlTokenVerified');
  return reason;
}
