// Which instances of an instanced mesh to rewrite after an edit, as few contiguous ranges.
// Separate from InstancedBoxes so the rule is unit-tested without a GL context.

export interface Range { start: number; count: number }

/**
 * Beyond this many separate ranges one upload of the span is cheaper than many small
 * bufferSubData calls (each has a fixed cost in the GL driver).
 */
export const MAX_RANGES = 32;

/**
 * Ranges of consecutive indices in [0, n) for which `changed` is true, gaps of up to `gap`
 * unchanged instances bridged (re-uploading a few unchanged ones is cheaper than another call).
 * Past MAX_RANGES, a single range from the first to the last change.
 */
export function changedRanges(n: number, changed: (i: number) => boolean, gap = 4): Range[] {
  const out: Range[] = [];
  let first = -1, last = -1;
  for (let i = 0; i < n; i++) {
    if (!changed(i)) continue;
    if (first === -1) first = i;
    const tail = out[out.length - 1];
    if (tail !== undefined && i - (tail.start + tail.count) <= gap) tail.count = i - tail.start + 1;
    else out.push({ start: i, count: 1 });
    last = i;
  }
  if (out.length > MAX_RANGES) return [{ start: first, count: last - first + 1 }];
  return out;
}
