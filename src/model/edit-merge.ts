/**
 * The three-way merge behind "two admins at once": what this admin typed (`mine`), measured against
 * the record both admins started from (`base`) and the record as the other admin left it (`theirs`).
 * Pure and generic over the fields an editor holds, so the settings element and its tests share it.
 *
 * A field only this admin changed is re-applied on their record; a field both changed to the same
 * value needs nothing; a field both changed differently is a conflict the admin resolves (keep mine
 * or take theirs). A field only the other admin changed is simply theirs. Nothing is ever dropped
 * silently: every field of `mine` ends up in the patch, in `same`, or in `conflicts`.
 */

/** A value an editor edits: text, none (`null`), or a list (origins). */
export type EditValue = string | null | readonly string[];

export type EditRecord = Readonly<Record<string, EditValue>>;

/** Two values are the same edit: equal text or null, or lists with the same entries in the same order. */
export function sameEditValue(a: EditValue | undefined, b: EditValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

export interface EditConflict<F extends string> {
  field: F;
  /** The value both admins started from. */
  base: EditValue;
  /** What this admin typed. */
  mine: EditValue;
  /** What the other admin saved. */
  theirs: EditValue;
}

export interface EditMerge<F extends string> {
  /** This admin's edits the other admin did not touch: to send again, on their version. */
  patch: Partial<Record<F, EditValue>>;
  /** Fields this admin edited that the other admin changed to something else. */
  conflicts: EditConflict<F>[];
  /** Fields both admins changed to the same value: nothing left to send. */
  same: F[];
  /** Every field the other admin changed (base → theirs), edited here or not, in `fields` order. */
  theirChanges: { field: F; from: EditValue; to: EditValue }[];
}

/**
 * Merges this admin's edits with the other admin's. `fields` names what the editor holds (its
 * order is the order of the answer); a field absent from `mine`, or equal there to `base`, is not
 * an edit.
 */
export function mergeEdits<F extends string>(
  fields: readonly F[],
  base: Readonly<Record<F, EditValue>>,
  mine: Partial<Readonly<Record<F, EditValue>>>,
  theirs: Readonly<Record<F, EditValue>>,
): EditMerge<F> {
  const merge: EditMerge<F> = { patch: {}, conflicts: [], same: [], theirChanges: [] };
  for (const field of fields) {
    const from = base[field];
    const to = theirs[field];
    const theyChanged = !sameEditValue(from, to);
    if (theyChanged) merge.theirChanges.push({ field, from, to });
    if (!Object.hasOwn(mine, field)) continue;
    const typed = mine[field] as EditValue;
    if (sameEditValue(typed, from)) continue;
    if (!theyChanged) merge.patch[field] = typed;
    else if (sameEditValue(typed, to)) merge.same.push(field);
    else merge.conflicts.push({ field, base: from, mine: typed, theirs: to });
  }
  return merge;
}

export type ConflictChoice = 'mine' | 'theirs';

/**
 * The patch once the admin has chosen for every conflict: the re-applied edits, plus the conflicts
 * kept as typed. A conflict without a choice is an error (the caller must ask first), so an
 * unanswered conflict can never turn into an overwrite.
 */
export function resolveEdits<F extends string>(
  merge: EditMerge<F>,
  choices: Partial<Readonly<Record<F, ConflictChoice>>>,
): Partial<Record<F, EditValue>> {
  const patch: Partial<Record<F, EditValue>> = { ...merge.patch };
  for (const conflict of merge.conflicts) {
    const choice = choices[conflict.field];
    if (choice === undefined) throw new Error(`No choice for the conflict on ${conflict.field}`);
    if (choice === 'mine') patch[conflict.field] = conflict.mine;
  }
  return patch;
}

/** Whether every conflict of `merge` has a choice. */
export function allConflictsChosen<F extends string>(merge: EditMerge<F>, choices: Partial<Readonly<Record<F, ConflictChoice>>>): boolean {
  return merge.conflicts.every((conflict) => choices[conflict.field] !== undefined);
}
