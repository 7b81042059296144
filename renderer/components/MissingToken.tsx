import { LogoMark } from './LogoMark.tsx';

/** Shown in a browser that opened the editor without the engine's access token. */
export function MissingToken() {
  return (
    <main className="missing-token">
      <LogoMark size={48} />
      <h1>Flowdesk needs its access link</h1>
      <p>
        Open the address that <code>flowdesk serve</code> printed when it started. It ends with{' '}
        <code>#token=…</code>, which lets this tab talk to the engine on your computer.
      </p>
    </main>
  );
}
