import { describe, expect, it } from 'vitest';
import { restoreBounds } from './window-state.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const rightMonitor = { x: 1440, y: 0, width: 1920, height: 1050 };

describe('restoreBounds', () => {
  it('puts the window back where it was when that is on a screen', () => {
    expect(restoreBounds({ x: 100, y: 80, width: 1200, height: 780 }, [laptop])).toEqual({ x: 100, y: 80, width: 1200, height: 780 });
    expect(restoreBounds({ x: 1600, y: 100, width: 1000, height: 700 }, [laptop, rightMonitor])).toEqual({ x: 1600, y: 100, width: 1000, height: 700 });
  });

  it('forgets a place on a screen that is gone', () => {
    expect(restoreBounds({ x: 1600, y: 100, width: 1000, height: 700 }, [laptop])).toBeNull();
    expect(restoreBounds({ x: 100, y: -500, width: 1000, height: 300 }, [laptop])).toBeNull();
  });

  it('shrinks and moves a window too big for its screen so all of it shows', () => {
    expect(restoreBounds({ x: 200, y: 10, width: 1800, height: 1000 }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 870 });
  });

  it('opens at the default place without saved bounds or with nonsense ones', () => {
    expect(restoreBounds(null, [laptop])).toBeNull();
    expect(restoreBounds({ x: 0, y: 0, width: 10, height: 10 }, [laptop])).toBeNull();
  });
});
