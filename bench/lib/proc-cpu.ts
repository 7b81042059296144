import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU ms from a `/proc/…/stat` file (a process's: all its threads; a task's: that thread). */
export function statCpuMs(statFile: string): number {
  const stat = readFileSync(statFile, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU ms each thread of this process has used, keyed "<tid> <thread name>" (empty where there is no /proc). */
export function threadCpuMs(): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync('/proc/self/task')) return out;
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const file = `/proc/self/task/${tid}/stat`;
      const stat = readFileSync(file, 'utf8');
      out.set(`${tid} ${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}`, statCpuMs(file));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}
