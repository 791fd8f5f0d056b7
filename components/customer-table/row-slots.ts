/**
 * Stable keys for recycled rows. A row that stays rendered keeps its key, so its DOM (and the focus
 * in it) stays; a row scrolled into view takes the key a row scrolled out of view left, so Lit's
 * `repeat` moves and updates that DOM instead of removing it and building new. Besides being
 * cheaper, this sidesteps lit-html 3.3.1+ leaking a comment node for every part `repeat` removes
 * (lit/lit#5298), which under scrolling grows the DOM without bound.
 */
export function assignSlots(previous: ReadonlyMap<number, number>, rows: readonly number[]): Map<number, number> {
  const wanted = new Set(rows);
  // Freed keys in their rows' order, which is their DOM order: new rows (also in order) take them
  // in that order, so a jump to another part of the list reuses every row without moving one.
  const free: number[] = [];
  let fresh = 0;
  for (const [row, slot] of previous) {
    if (!wanted.has(row)) free.push(slot);
    fresh = Math.max(fresh, slot + 1);
  }
  free.reverse();
  const next = new Map<number, number>();
  for (const row of rows) next.set(row, previous.get(row) ?? free.pop() ?? fresh++);
  return next;
}
