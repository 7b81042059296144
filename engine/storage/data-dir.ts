import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Flowdesk keeps its data unless told otherwise: FLOWDESK_DATA_DIR, else the OS's place. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env['FLOWDESK_DATA_DIR']) return env['FLOWDESK_DATA_DIR'];
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Flowdesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Flowdesk');
  return join(env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'flowdesk');
}

export const dataFiles = {
  database: 'flowdesk.db',
  token: 'api-token',
  runtime: 'engine.json',
  secretKey: 'secret.key',
  backups: 'backups',
} as const;
