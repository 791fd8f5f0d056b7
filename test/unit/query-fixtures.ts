/** Shared by the query unit tests: a customer factory and a seeded random valid CustomerQuery. */
import type { Status } from '../../src/model/schemas.js';
import { SORT_KEYS, STATUSES } from '../../src/model/schemas.js';
import type { CustomerQuery, JoinedRange } from '../../src/query/types.js';
import { JOINED_PRESETS } from '../../src/query/types.js';
import { createRng, type Rng } from '../../src/backend/generate.js';

export { createRng, type Rng };

/** The suites' one customer factory, under the name these tests use. */
export { makeCustomer as customer } from '../support/customers.js';

const Q_WORDS = ['acme', 'É', 'e', 'café', 'Cafe\u0301', 'ΟΔΟΣ', 'ß', '株式', '한', 'שלום', 'مؤسسة', 'a&b=c', '#1 %20', '  x ', '+', '🚀'];
const PLAN_IDS = ['starter', 'growth', 'business', 'enterprise', 'free', 'plan with space', 'ünïcode', 'a/b?c'];
const APP_IDS = ['slack', 'salesforce', 'jira', 'app&id=1', 'ドライブ'];

function isoDate(rng: Rng): string {
  const d = new Date(Date.UTC(rng.int(2015, 2030), rng.int(0, 11), rng.int(1, 28)));
  return d.toISOString().slice(0, 10);
}

function randomJoined(rng: Rng): JoinedRange | null {
  const kind = rng.int(0, 4);
  if (kind === 0) return null;
  if (kind === 1) return { preset: rng.pick(JOINED_PRESETS) };
  let from: string | null = rng.chance(0.7) ? isoDate(rng) : null;
  let to: string | null = rng.chance(0.7) ? isoDate(rng) : null;
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return { from, to };
}

/** A random query that is valid (every field within what the URL and list params accept). */
export function randomQuery(rng: Rng): CustomerQuery {
  const words = rng.int(0, 3);
  let q = '';
  for (let i = 0; i < words; i++) q += (i > 0 ? ' ' : '') + rng.pick(Q_WORDS);
  const plans: string[] = [];
  for (let i = rng.int(0, 3); i > 0; i--) plans.push(rng.pick(PLAN_IDS));
  return {
    q,
    plans,
    status: rng.chance(0.4) ? 'all' : (rng.pick(STATUSES) as Status),
    app: rng.chance(0.6) ? null : rng.pick(APP_IDS),
    joined: randomJoined(rng),
    sort: { key: rng.pick(SORT_KEYS), dir: rng.chance(0.5) ? 'asc' : 'desc' },
    page: rng.chance(0.6) ? 1 : rng.int(2, 5000),
  };
}
