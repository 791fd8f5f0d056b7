/**
 * Stable keys for recycled rows. A row that stays rendered keeps its key, so its DOM (and the focus
 * in it) stays; a row scrolled into view takes the key a row scrolled out of view left, so Lit's
 * `repeat` moves and updates that DOM instead of removing it and building new. Besides being
 * cheaper, this sidesteps lit-html 3.3.1+ leaking a comment node for every part `repeat` removes
 * (lit/lit#5298), which under scrolling grows the DOM without bound.
 *
 * Which freed key goes to which new row decides how many rows `repeat` moves, and a moved row is
 * restyled, laid out and painted again even when its content stays. `repeat` moves one row cheaply
 * when an old head key is the new tail (or an old tail key the new head), but any other order makes
 * it move every row in between: scrolling down by two rows with the keys handed out in DOM order
 * moved all the other ~17 rows on every frame. So:
 * - rows scrolled in below the kept ones take the keys freed at the top, last new row first;
 * - rows scrolled in above the kept ones take the keys freed at the bottom, first new row first;
 * - after a jump (no row kept) new rows take the freed keys in DOM order, so no row moves at all.
 */
export function assignSlots(previous: ReadonlyMap<number, number>, rows: readonly number[]): Map<number, number> {
  const wanted = new Set(rows);
  // Freed keys in their rows' order, which is their DOM order (the map is built in row order).
  const free: number[] = [];
  let fresh = 0;
  let keptFirst = Infinity;
  let keptLast = -Infinity;
  for (const [row, slot] of previous) {
    if (wanted.has(row)) {
      keptFirst = Math.min(keptFirst, row);
      keptLast = Math.max(keptLast, row);
    } else {
      free.push(slot);
    }
    fresh = Math.max(fresh, slot + 1);
  }
  const slots = rows.map((row) => previous.get(row));
  const fromTop = () => free.shift() ?? fresh++;
  const fromBottom = () => free.pop() ?? fresh++;
  if (keptFirst === Infinity) {
    for (let i = 0; i < rows.length; i++) slots[i] = fromTop();
  } else {
    for (let i = rows.length - 1; i >= 0 && rows[i]! > keptLast; i--) slots[i] ??= fromTop();
    for (let i = 0; i < rows.length && rows[i]! < keptFirst; i++) slots[i] ??= fromBottom();
    for (let i = 0; i < rows.length; i++) slots[i] ??= fromTop();
  }
  const next = new Map<number, number>();
  rows.forEach((row, i) => next.set(row, slots[i]!));
  return next;
}
