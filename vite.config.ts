import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The renderer's Content-Security-Policy. The desktop app loads the build over file://, where
 * no server sets headers, so it rides in a <meta> tag; the dev server's inline
 * hot-reload preamble would break under it, so only the build gets it.
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'flowdesk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** In `vite dev`, FLOWDESK_API_URL (the engine API, e.g. http://127.0.0.1:4100) receives /api. */
const apiUrl = process.env.FLOWDESK_API_URL;

export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
  },
  server: apiUrl ? { proxy: { '/api': { target: apiUrl, changeOrigin: true } } } : {},
});
