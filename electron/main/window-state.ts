/**
 * Where the main window was, and whether it still fits a screen. Pure: no Electron here, so
 * it is tested without the binary; main.ts feeds it `screen.getAllDisplays()`.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The window's normal (not maximized) bounds when it last closed. */
  bounds: Rect | null;
  maximized: boolean;
}

export const defaultWindowSize = { width: 1200, height: 780 } as const;
export const minWindowSize = { width: 720, height: 480 } as const;

/** How much of the window's top strip (where its title bar is) must be on a screen to grab it. */
const grabbable = { width: 120, height: 40 } as const;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * The saved bounds to open the window with, or null for the default place: null when no screen
 * shows enough of its top strip (a monitor was unplugged, the resolution dropped). A window
 * larger than its screen's work area is shrunk to fit it.
 */
export function restoreBounds(saved: Rect | null, workAreas: readonly Rect[]): Rect | null {
  if (!saved || saved.width < minWindowSize.width / 2 || saved.height < minWindowSize.height / 2) return null;
  const titleStrip: Rect = { x: saved.x, y: saved.y, width: saved.width, height: grabbable.height };
  const area = workAreas.find((a) => {
    const o = overlap(titleStrip, a);
    return o.width >= Math.min(grabbable.width, saved.width) && o.height >= grabbable.height;
  });
  if (!area) return null;
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}
