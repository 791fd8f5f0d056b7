/**
 * The order both backends list a customer's team in: customer managers first, then by name (folded,
 * so case and accents do not scatter people), then by id so equal names keep one order.
 */
import type { Collaborator } from '../model/schemas.js';
import { nameSortKey } from '../query/index.js';

export function compareTeamMembers(a: Collaborator, b: Collaborator): number {
  if (a.customer_manager !== b.customer_manager) return a.customer_manager ? -1 : 1;
  const x = nameSortKey(a.name);
  const y = nameSortKey(b.name);
  return x < y ? -1 : x > y ? 1 : a.id - b.id;
}

/** A sorted copy of `team`. */
export function orderTeam(team: readonly Collaborator[]): Collaborator[] {
  return [...team].sort(compareTeamMembers);
}
