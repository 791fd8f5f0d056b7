/**
 * The list screen's state in the page URL: only what differs from DEFAULT_QUERY is written, and
 * reading never throws — a garbage parameter falls back to its default and is reported.
 */
import { isIdValue, STATUSES, type Status } from '../model/constants.js';
import type { CustomerQuery, JoinedRange } from './types.js';
import { DEFAULT_QUERY, DEFAULT_SORT, JOINED_PRESETS } from './types.js';
import { isJoinedPreset, isoDateToDay } from './joined.js';
import { MAX_PLANS, MAX_QUERY_LENGTH } from './list-params.js';
import { sortFromParam, sortToParam } from './sort.js';

/** `joined=custom` marks a custom range whose ends are both still open. */
const OPEN_CUSTOM = 'custom';

export function queryToSearchParams(query: CustomerQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q !== '') params.set('q', query.q);
  for (const plan of query.plans) params.append('plan', plan);
  if (query.status !== 'all') params.set('status', query.status);
  if (query.app !== null) params.set('app', query.app);
  const joined = query.joined;
  if (joined !== null) {
    if ('preset' in joined) params.set('joined', joined.preset);
    else if (joined.from === null && joined.to === null) params.set('joined', OPEN_CUSTOM);
    else {
      if (joined.from !== null) params.set('joined_from', joined.from);
      if (joined.to !== null) params.set('joined_to', joined.to);
    }
  }
  if (query.sort.key !== DEFAULT_SORT.key || query.sort.dir !== DEFAULT_SORT.dir) params.set('sort', sortToParam(query.sort));
  if (query.page !== 1) params.set('page', String(query.page));
  return params;
}

/**
 * The query a URL describes. Empty values count as absent (a form sends `status=` for "any"), and
 * anything else that does not fit is left at its default and described in `problems`.
 */
export function queryFromSearchParams(search: URLSearchParams): { query: CustomerQuery; problems: string[] } {
  const params = withoutEmptyValues(search);
  const problems: string[] = [];
  const query: CustomerQuery = { ...DEFAULT_QUERY, plans: [] };

  const q = params.get('q');
  if (q !== null) {
    if (q.length > MAX_QUERY_LENGTH) problems.push(`Search text longer than ${MAX_QUERY_LENGTH} characters was ignored.`);
    else query.q = q;
  }

  const plans = params.getAll('plan');
  for (const plan of plans) {
    if (!isIdValue(plan)) problems.push(`Plan ${JSON.stringify(plan)} is not a plan id and was ignored.`);
    else if (query.plans.length >= MAX_PLANS) problems.push(`Only the first ${MAX_PLANS} plans were kept.`);
    else query.plans.push(plan);
  }

  const status = params.get('status');
  if (status !== null && status !== 'all') {
    if ((STATUSES as readonly string[]).includes(status)) query.status = status as Status;
    else problems.push(`Status ${JSON.stringify(status)} is unknown; showing all statuses.`);
  }

  const app = params.get('app');
  if (app !== null) {
    if (isIdValue(app)) query.app = app;
    else problems.push(`App ${JSON.stringify(app)} is not an app id and was ignored.`);
  }

  query.joined = readJoined(params, problems);

  const sort = params.get('sort');
  if (sort !== null) {
    const parsed = sortFromParam(sort);
    if (parsed) query.sort = parsed;
    else problems.push(`Sort ${JSON.stringify(sort)} is unknown; sorting by date joined.`);
  }

  const page = params.get('page');
  if (page !== null) {
    const n = /^[1-9][0-9]{0,15}$/.test(page) ? Number(page) : NaN;
    if (Number.isSafeInteger(n)) query.page = n;
    else problems.push(`Page ${JSON.stringify(page)} is not a positive whole number; showing page 1.`);
  }

  return { query, problems };
}

function readJoined(params: URLSearchParams, problems: string[]): JoinedRange | null {
  const joined = params.get('joined');
  const fromText = params.get('joined_from');
  const toText = params.get('joined_to');
  if (joined !== null && joined !== OPEN_CUSTOM) {
    if (isJoinedPreset(joined)) {
      if (fromText !== null || toText !== null) problems.push('A date-joined preset and custom dates were both given; using the preset.');
      return { preset: joined };
    }
    problems.push(`Date joined ${JSON.stringify(joined)} is unknown (use ${JOINED_PRESETS.join(', ')} or dates).`);
    if (fromText === null && toText === null) return null;
  }
  let from: string | null = null;
  let to: string | null = null;
  if (fromText !== null) {
    if (isoDateToDay(fromText) !== null) from = fromText;
    else problems.push(`Joined-from date ${JSON.stringify(fromText)} is not a date (YYYY-MM-DD) and was ignored.`);
  }
  if (toText !== null) {
    if (isoDateToDay(toText) !== null) to = toText;
    else problems.push(`Joined-to date ${JSON.stringify(toText)} is not a date (YYYY-MM-DD) and was ignored.`);
  }
  if (from !== null && to !== null && from > to) {
    problems.push(`Joined-from ${from} is after joined-to ${to}; the date range was ignored.`);
    return null;
  }
  if (from === null && to === null) return joined === OPEN_CUSTOM ? { from: null, to: null } : null;
  return { from, to };
}

function withoutEmptyValues(search: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams();
  for (const [name, value] of search) if (value !== '') kept.append(name, value);
  return kept;
}

