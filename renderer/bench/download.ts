import type { CaptureFile } from '../../engine/contract/index.ts';

/** Saves a capture file through the browser's download: nothing to install, the same in the app and the browser. */
export function downloadCapture(file: CaptureFile, name: string): void {
  const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name.endsWith('.capture.json') ? name : `${name}.capture.json`;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download; revoking at once can cut it short in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
