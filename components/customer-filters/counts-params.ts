/**
 * The request behind the status tabs' counts: the query's filters without its status (the counts
 * ignore it), sort or page, and one row per page since only `counts` is read. Built here rather
 * than with `queryToListParams` so the filters do not pull the zod schemas into their bundle.
 */
import { resolveJoinedRange } from '../../src/query/joined.js';
import type { CustomerListParams, CustomerQuery } from '../../src/query/types.js';

export function countsParams(query: CustomerQuery, now: Date): CustomerListParams {
  const params: CustomerListParams = { page: 1, per_page: 1 };
  const q = query.q.trim();
  if (q !== '') params.q = q;
  if (query.plans.length > 0) params.plan = [...query.plans];
  if (query.app !== null) params.app = query.app;
  const { from, to } = resolveJoinedRange(query.joined, now);
  if (from !== undefined) params.joined_from = from;
  if (to !== undefined) params.joined_to = to;
  return params;
}
