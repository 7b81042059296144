/** Samples a child's RSS every 100 ms until stopped; answers the highest seen. */
export function rssSampler(rss: () => Promise<number>): { stop: () => Promise<number> } {
  let peak = 0;
  let on = true;
  const loop = (async () => {
    while (on) {
      peak = Math.max(peak, await rss());
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      on = false;
      await loop;
      return Math.max(peak, await rss());
    },
  };
}
