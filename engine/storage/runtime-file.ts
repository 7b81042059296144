import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** What a running engine says about itself in its data dir, so the CLI can find it. */
export interface RuntimeInfo {
  pid: number;
  apiUrl: string;
  webhookBaseUrl: string;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running engine's info, or null when none is running (a file left by a dead process counts as none). */
export function readRuntime(file: string): RuntimeInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
    return alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export function writeRuntime(file: string, info: RuntimeInfo): void {
  writeFileSync(file, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

export function removeRuntime(file: string): void {
  rmSync(file, { force: true });
}
