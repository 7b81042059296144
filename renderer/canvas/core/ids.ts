/** A short id, unused in `taken`, that fits the flow document's id rule (letters, digits, _ . : -). */
export function newId(prefix: string, taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (;;) {
    const id = `${prefix}_${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
    if (!taken.has(id)) return id;
  }
}
