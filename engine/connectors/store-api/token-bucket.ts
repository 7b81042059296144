/**
 * A leaky bucket mirroring a platform's own (Haravan 80 calls, 4/s; Sapo 40, 2/s; Shopify's
 * GraphQL points from `throttleStatus`): a call waits until the bucket has room, so Flowdesk
 * rarely meets a 429. The platform's answer corrects it when it says how full it is.
 */
export interface TokenBucket {
  /** Waits until `cost` is available, then takes it. */
  take(cost?: number): Promise<void>;
  /** The platform said how much is left (a call-limit header, `throttleStatus`). */
  observe(available: number, capacity?: number, perSecond?: number): void;
  /** Empties the bucket (a 429 came anyway): the next call waits for the refill. */
  drain(): void;
  available(): number;
}

export function createTokenBucket(capacity: number, perSecond: number, now: () => number, sleep: (ms: number) => Promise<void>): TokenBucket {
  let cap = capacity;
  let rate = perSecond;
  let level = capacity;
  let at = now();
  // Calls wait in arrival order: each takes its share after the one before it.
  let queue: Promise<void> = Promise.resolve();
  const refill = () => {
    const t = now();
    level = Math.min(cap, level + ((t - at) / 1000) * rate);
    at = t;
  };
  return {
    take(cost = 1) {
      const want = Math.min(cost, cap);
      const mine = queue.then(async () => {
        refill();
        while (level < want) {
          await sleep(Math.max(5, Math.ceil(((want - level) / rate) * 1000)));
          refill();
        }
        level -= want;
      });
      queue = mine.catch(() => undefined);
      return mine;
    },
    observe(available, capacity2, perSecond2) {
      if (capacity2 !== undefined && capacity2 > 0) cap = capacity2;
      if (perSecond2 !== undefined && perSecond2 > 0) rate = perSecond2;
      refill();
      level = Math.max(0, Math.min(cap, available));
    },
    drain() {
      refill();
      level = 0;
    },
    available() {
      refill();
      return level;
    },
  };
}
