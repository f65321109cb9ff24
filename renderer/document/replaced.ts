// Which records an edit replaced. Edits replace only the records they change and keep the rest
// (document/edits.ts), so records at the same index are compared by identity first: a one-rack
// drag on a 10,000-rack hall looks at one record, and a map by id is built only when the arrays
// do not line up (records added, removed or reordered).

/** Calls `visit(old, now)` for each record of `after` that is not the very object of `before` (old: undefined when new). */
export function eachReplaced<T extends { id: string }>(before: readonly T[], after: readonly T[], visit: (old: T | undefined, now: T) => void): void {
  if (before === after) return;
  const aligned = before.length === after.length;
  let byId: Map<string, T> | null = null;
  for (let i = 0; i < after.length; i++) {
    const now = after[i]!;
    let old: T | undefined = aligned ? before[i] : undefined;
    if (old === now) continue;
    if (old === undefined || old.id !== now.id) {
      byId ??= new Map(before.map((b) => [b.id, b]));
      old = byId.get(now.id);
    }
    visit(old, now);
  }
}
