import { shell, type Session, type WebContents } from 'electron';

/**
 * The Content-Security-Policy itself rides in the renderer's index.html (vite.config.ts puts
 * it there at build time), because pages loaded over file:// get no response headers.
 * Here: no permissions beyond writing to the clipboard, no new windows, no navigating away.
 */
export function hardenSession(session: Session): void {
  const allowed = new Set(['clipboard-sanitized-write']);
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowed.has(permission));
}

/** Keeps a window on the app's page: web links open in the browser, anything else is refused. */
export function lockDownNavigation(contents: WebContents, pageUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (event.url.split('#')[0] !== pageUrl) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
