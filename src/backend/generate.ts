/**
 * Deterministic demo data: a seed, a size and an anchor date in, the same data out. Every customer is
 * drawn from its own PRNG (seed and index hashed together), so a server can stream a million rows
 * without holding them and any one customer can be regenerated alone.
 *
 * The data is realistic and hostile on purpose (long, accented, CJK, right-to-left and markup names;
 * external IDs with spaces, slashes, `#` and unicode; trials ending later today; usage near and over
 * the limit) so demos, stories and tests meet what production will.
 */
import { appIconDataUrl } from './app-icons.js';
import {
  ACCENTED_NAMES,
  asciiSlug,
  CJK_NAMES,
  COLLABORATOR_ROLES,
  COMPANY_FIRST,
  COMPANY_SECOND,
  COMPANY_SUFFIX,
  HOSTILE_NAMES,
  LONG_NAME_WORDS,
  PERSON_FIRST,
  PERSON_LAST,
  RTL_NAMES,
} from './generate-names.js';
import { FREE_PLAN_ID, TRIAL_DAYS } from '../model/constants.js';
import type { App, Collaborator, Customer, DashboardPeriod, DashboardStats, Partner, Plan } from '../model/schemas.js';
import { withLimits } from '../model/rules.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

// ---------------------------------------------------------------------------------------------
// PRNG

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes any integers (negative or above 2^32 included) into one 32-bit seed. */
export function hashSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const n = Math.trunc(part);
    h = fmix32(h ^ (n >>> 0));
    h = fmix32(h ^ (Math.floor(n / 0x1_0000_0000) >>> 0) ^ 0x7f4a7c15);
  }
  return h;
}

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32: small, fast and good enough for demo data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
  };
}

// Salts keep the streams for customers, collaborators and dashboards independent of each other.
const SALT_CUSTOMER = 1;
const SALT_COLLABORATORS = 2;
const SALT_DASHBOARD = 3;
const SALT_DASHBOARD_POINT = 4;

// ---------------------------------------------------------------------------------------------
// Partner, plans, apps

/** The partner's own plans; `plansWithFree` adds the free plan. */
export const DEMO_PLANS: readonly Plan[] = Object.freeze([
  { id: 'starter', name: 'Starter', task_limit: 1_000, connection_limit: 10 },
  { id: 'growth', name: 'Growth', task_limit: 10_000, connection_limit: 25 },
  { id: 'business', name: 'Business', task_limit: 50_000, connection_limit: 100 },
  { id: 'enterprise', name: 'Enterprise', task_limit: 500_000, connection_limit: 1_000 },
]);
/** How often each plan is drawn, in DEMO_PLANS order. */
const PLAN_WEIGHTS = [0.35, 0.3, 0.25, 0.1];

export const DEMO_ADMIN_EMAIL = 'admin@partner.example';

export const DEMO_PARTNER: Partner = Object.freeze({
  id: 1,
  name: 'Partner Example',
  origins: ['https://partner.example'],
  admin: {
    id: 1,
    name: 'Alex Morgan',
    email: DEMO_ADMIN_EMAIL,
    permissions: { manage_customers: true, delete_customers: true },
  },
}) as Partner;

/** The catalogue, most popular first (customers' top apps lean towards the head of this list). */
const APP_NAMES = [
  'Pipeline CRM', 'Huddle Chat', 'Beacon Mail', 'Sheetsmith', 'Ledgerly', 'Cloud Drive', 'Helpdeskr',
  'Kanbanana', 'Invoicely', 'PayStream', 'Cartwheel Shop', 'LeadLoop', 'DealDesk', 'Contactly',
  'Inboxer', 'Shelfspace Inventory', 'Parcel Post', 'Freightline', 'TicketTide', 'Sprintboard',
  'Issue Tracker', 'Codevault', 'BuildBot CI', 'Paperflow Docs', 'Formfield', 'SurveyPulse',
  'Slotbook Calendar', 'MeetRoom Video', 'Webinarium', 'Adwise Ads', 'SocialSpark', 'Newsletterly',
  'Analytica', 'Metricsmith', 'Dashboardly', 'DataLake Warehouse', 'QueryHouse SQL', 'Postgrid DB',
  'HR Harbor', 'Payroll Pal', 'Talent Tide', 'Receipt Runner', 'Taxonomy Tax', 'ERP Atlas',
  'Procure Point', 'Contract Keep', 'eSign Flow', 'Support Sphere', 'Status Signal', 'Alert Relay',
  'Logstream', 'Cloud Bucket', 'Webhook Hub', 'SMS Bridge', 'Voice Line', 'Map Pin', 'Weather Feed',
  'Translate Now', 'Café Réservations', '<b>Markup</b> Studio', 'Legacy FTP',
] as const;
/** Apps without an icon, so the fallback is exercised. */
const APPS_WITHOUT_ICON = new Set<string>(['Legacy FTP']);

function appIdFor(name: string): string {
  return asciiSlug(name.replace(/<[^>]*>/g, ' '));
}

export const DEMO_APP_IDS: readonly string[] = Object.freeze(APP_NAMES.map(appIdFor));

/** About 60 apps with locally drawn SVG icons; a fresh array on every call. */
export function generateApps(): App[] {
  return APP_NAMES.map((name) => {
    const id = appIdFor(name);
    return { id, name, icon: APPS_WITHOUT_ICON.has(name) ? null : appIconDataUrl(id, name) };
  });
}

// ---------------------------------------------------------------------------------------------
// Customers

/** The start of the UTC day containing `date`: the default anchor ("today") for generated data. */
export function startOfUtcDay(date: Date = new Date()): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

function pickWeighted<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  let r = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

function longName(rng: Rng): string {
  const target = rng.int(180, 200);
  let name = 'The';
  while (name.length < target) name += ` ${rng.pick(LONG_NAME_WORDS)}`;
  return name.slice(0, 200).trim();
}

function customerName(rng: Rng): string {
  const r = rng.next();
  if (r < 0.7) return `${rng.pick(COMPANY_FIRST)} ${rng.pick(COMPANY_SECOND)} ${rng.pick(COMPANY_SUFFIX)}`.trim();
  if (r < 0.75) return longName(rng);
  if (r < 0.83) return rng.chance(0.5) ? rng.pick(ACCENTED_NAMES) : `${rng.pick(ACCENTED_NAMES)} ${rng.pick(COMPANY_SECOND)}`;
  if (r < 0.88) return rng.pick(CJK_NAMES);
  if (r < 0.93) return rng.pick(RTL_NAMES);
  if (r < 0.97) return rng.pick(HOSTILE_NAMES);
  // Quotes and ampersands in otherwise ordinary names.
  return rng.chance(0.5)
    ? `${rng.pick(PERSON_LAST)} & ${rng.pick(PERSON_LAST)} ${rng.pick(COMPANY_SECOND)}`
    : `"${rng.pick(COMPANY_FIRST)}" ${rng.pick(COMPANY_SECOND)} & Co.`;
}

/** Unique because every form embeds the index behind a prefix no other form starts with. */
function externalId(rng: Rng, index: number): string | null {
  if (rng.chance(0.15)) return null;
  const n = index + 1;
  const r = rng.next();
  if (r < 0.45) return `cus_${String(n).padStart(7, '0')}`;
  if (r < 0.6) return `ACME-${n}`;
  if (r < 0.68) return `acct/${2020 + (n % 6)}/${n}`;
  if (r < 0.76) return `team #${n}`;
  if (r < 0.83) return `client ${n} ref`;
  if (r < 0.88) return `ü-${n}-straße`;
  if (r < 0.92) return `顧客-${n}`;
  if (r < 0.96) return `a+b=${n}?x&y`;
  return `100%-${n}`;
}

function domainFor(name: string, id: number): string {
  const slug = asciiSlug(name).slice(0, 40).replace(/-+$/, '');
  return `${slug || 'customer'}-${id}.example`;
}

function notificationEmail(rng: Rng, domain: string): string {
  if (rng.chance(0.4)) return `${rng.pick(['billing', 'ops', 'it-admin', 'integrations', 'hello'])}@${domain}`;
  const first = asciiSlug(rng.pick(PERSON_FIRST), '.');
  const last = asciiSlug(rng.pick(PERSON_LAST), '.');
  return `${first}.${last}@${domain}`;
}

function origins(rng: Rng, domain: string): string[] {
  if (!rng.chance(0.15)) return [];
  const all = [`https://app.${domain}`, `https://portal.${domain}:8443`, `https://${domain}`];
  return all.slice(0, rng.int(1, 3));
}

/** Mostly comfortable, about a third near (≥ 80 %) or over the limit. */
function usage(rng: Rng, limit: number): number {
  if (limit === 0) return rng.chance(0.9) ? 0 : rng.int(1, 3);
  const r = rng.next();
  if (r < 0.1) return 0;
  if (r < 0.65) return Math.floor(limit * 0.8 * rng.next());
  if (r < 0.87) return Math.min(limit, Math.ceil(limit * (0.8 + 0.2 * rng.next())));
  return Math.floor(limit * (1 + 0.6 * rng.next())) + 1;
}

function topApps(rng: Rng): string[] {
  const count = pickWeighted(rng, [0, 1, 2, 3, 4, 5], [0.1, 0.1, 0.15, 0.2, 0.2, 0.25]);
  const chosen: string[] = [];
  // Squaring the draw favours the head of the catalogue, like real usage.
  for (let tries = 0; chosen.length < count && tries < 50; tries++) {
    const id = DEMO_APP_IDS[Math.floor(rng.next() ** 2 * DEMO_APP_IDS.length)]!;
    if (!chosen.includes(id)) chosen.push(id);
  }
  return chosen;
}

type Subscription = Pick<Customer, 'plan_id' | 'in_trial' | 'trial_ends_at' | 'created_at'>;

/**
 * About 60 % active, 20 % in trial (some ending later on the anchor day, some extended once), 20 %
 * expired (half settled on the free plan, half with an ended trial not yet settled).
 */
function subscription(rng: Rng, anchorMs: number): Subscription {
  const partnerPlan = pickWeighted(rng, DEMO_PLANS, PLAN_WEIGHTS).id;
  const trialMs = TRIAL_DAYS * DAY_MS;
  const r = rng.next();
  if (r < 0.6) {
    const created = anchorMs - rng.next() * 3 * YEAR_MS;
    const hadTrial = rng.chance(0.4) && created + trialMs < anchorMs;
    return {
      plan_id: partnerPlan,
      in_trial: false,
      trial_ends_at: hadTrial ? iso(created + trialMs) : null,
      created_at: iso(created),
    };
  }
  if (r < 0.8) {
    const endsLaterToday = rng.chance(0.15);
    const ends = endsLaterToday
      ? anchorMs + rng.int(1, 23) * HOUR_MS + rng.int(0, 59) * 60_000
      : anchorMs + DAY_MS + rng.next() * (trialMs - DAY_MS);
    const extended = rng.chance(0.2);
    const created = ends - (extended ? 2 : 1) * trialMs - rng.next() * DAY_MS;
    return { plan_id: partnerPlan, in_trial: true, trial_ends_at: iso(ends), created_at: iso(created) };
  }
  const created = anchorMs - trialMs - DAY_MS - rng.next() * (3 * YEAR_MS - trialMs - DAY_MS);
  if (rng.chance(0.5)) {
    return { plan_id: partnerPlan, in_trial: true, trial_ends_at: iso(created + trialMs), created_at: iso(created) };
  }
  return {
    plan_id: FREE_PLAN_ID,
    in_trial: false,
    trial_ends_at: rng.chance(0.7) ? iso(created + trialMs) : null,
    created_at: iso(created),
  };
}

/** Customer `index` (0-based) of the data set for `seed`; id = index + 1, version 1. */
export function generateCustomer(seed: number, index: number, anchor: Date): Customer {
  const rng = createRng(hashSeed(seed, index, SALT_CUSTOMER));
  const id = index + 1;
  const name = customerName(rng);
  const domain = domainFor(name, id);
  const base = {
    id,
    name,
    external_id: externalId(rng, index),
    notification_email: notificationEmail(rng, domain),
    ...subscription(rng, anchor.getTime()),
    tasks_used: 0,
    task_limit: 0,
    connections: 0,
    connection_limit: 0,
    top_apps: topApps(rng),
    origins: origins(rng, domain),
    version: 1,
  };
  const limited = withLimits(base, DEMO_PLANS, anchor);
  return {
    id: limited.id,
    name: limited.name,
    external_id: limited.external_id,
    notification_email: limited.notification_email,
    plan_id: limited.plan_id,
    in_trial: limited.in_trial,
    trial_ends_at: limited.trial_ends_at,
    created_at: limited.created_at,
    tasks_used: usage(rng, limited.task_limit),
    task_limit: limited.task_limit,
    connections: usage(rng, limited.connection_limit),
    connection_limit: limited.connection_limit,
    top_apps: limited.top_apps,
    origins: limited.origins,
    version: 1,
  };
}

export interface GenerateOptions {
  seed: number;
  count: number;
  /** "Today" for the data; defaults to the start of the current UTC day. */
  anchor?: Date;
}

export function generateCustomers({ seed, count, anchor = startOfUtcDay() }: GenerateOptions): Customer[] {
  const customers: Customer[] = new Array(count);
  for (let i = 0; i < count; i++) customers[i] = generateCustomer(seed, i, anchor);
  return customers;
}

// ---------------------------------------------------------------------------------------------
// Collaborators and dashboards

/**
 * 1–6 people, the first a customer manager. The demo admin (`admin@partner.example`) is a
 * collaborator of about a third of the customers, so "Switch to this account" is allowed for some.
 */
export function generateCollaborators(seed: number, customerId: number): Collaborator[] {
  const rng = createRng(hashSeed(seed, customerId, SALT_COLLABORATORS));
  const withAdmin = rng.chance(1 / 3);
  const count = Math.max(rng.int(1, 6), withAdmin ? 2 : 1);
  const domain = `customer-${customerId}.example`;
  const firstNames = [...PERSON_FIRST];
  const people: Collaborator[] = [];
  for (let i = 0; i < count; i++) {
    // Distinct first names keep e-mail addresses distinct within one customer.
    const first = firstNames.splice(rng.int(0, firstNames.length - 1), 1)[0]!;
    const last = rng.pick(PERSON_LAST);
    const manager = i === 0 || rng.chance(0.2);
    people.push({
      id: customerId * 10 + i + 1,
      name: `${first} ${last}`,
      email: `${asciiSlug(first, '.')}.${asciiSlug(last, '.')}@${domain}`,
      role: manager ? 'Customer manager' : rng.pick(COLLABORATOR_ROLES),
      customer_manager: manager,
    });
  }
  if (withAdmin) {
    const slot = rng.int(1, count - 1);
    people[slot] = {
      id: customerId * 10 + slot + 1,
      name: DEMO_PARTNER.admin.name,
      email: DEMO_ADMIN_EMAIL,
      role: 'Admin',
      customer_manager: false,
    };
  }
  return people;
}

const PERIOD_DAYS: Record<DashboardPeriod, number> = { '1d': 1, '7d': 7, '30d': 30, '90d': 90 };

/**
 * Hourly points for 1d (24, the last one the hour containing `anchor`), daily points otherwise (the
 * last one the day containing `anchor`). A day's figures do not depend on the period asked for, so
 * 7d is the tail of 30d. Totals are the sums of the series.
 */
export function generateDashboard(
  seed: number,
  customerId: number,
  period: DashboardPeriod,
  anchor: Date,
): DashboardStats {
  const rng = createRng(hashSeed(seed, customerId, SALT_DASHBOARD));
  const activeRecipes = rng.chance(0.1) ? 0 : rng.int(1, 40);
  const jobsPerDay = activeRecipes * rng.int(5, 200);
  const failureShare = rng.chance(0.15) ? 0.1 + rng.next() * 0.3 : rng.next() * 0.05;

  const hourly = period === '1d';
  const step = hourly ? HOUR_MS : DAY_MS;
  const count = hourly ? 24 : PERIOD_DAYS[period];
  const last = Math.floor(anchor.getTime() / step) * step;
  const series: DashboardStats['series'] = [];
  for (let i = count - 1; i >= 0; i--) {
    const at = last - i * step;
    const bucket = at / step;
    const point = createRng(hashSeed(seed, customerId, SALT_DASHBOARD_POINT, hourly ? 1 : 2, bucket));
    const weekday = new Date(at).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.4 : 1;
    const hourOfDay = new Date(at).getUTCHours();
    const daytime = hourly ? (hourOfDay >= 7 && hourOfDay <= 19 ? 1.6 : 0.35) / 24 : 1;
    const jobs = Math.round(jobsPerDay * weekend * daytime * (0.6 + 0.8 * point.next()));
    const failed = Math.min(jobs, Math.round(jobs * failureShare * (0.5 + point.next())));
    series.push({ at: new Date(at).toISOString(), successful_jobs: jobs - failed, failed_jobs: failed });
  }
  const failedJobs = series.reduce((sum, p) => sum + p.failed_jobs, 0);
  const successfulJobs = series.reduce((sum, p) => sum + p.successful_jobs, 0);
  const stopped = activeRecipes === 0 && rng.chance(0.5) ? 0 : rng.int(0, 4);
  // The failures of the period shared among up to five recipes, most first.
  const failing: DashboardStats['top_failing_recipes'] = [];
  let failuresLeft = failedJobs;
  for (let i = 0; i < Math.min(5, activeRecipes) && failuresLeft > 0; i++) {
    const failed = i === 4 || i === activeRecipes - 1 ? failuresLeft : Math.ceil(failuresLeft * (0.3 + 0.4 * rng.next()));
    failuresLeft -= failed;
    failing.push({
      id: customerId * 100 + i + 1,
      name: rng.pick(RECIPE_NAMES),
      running: true,
      successful_jobs: Math.round((successfulJobs / Math.max(1, activeRecipes)) * (0.5 + rng.next())),
      failed_jobs: failed,
    });
  }
  return {
    period,
    recipes: activeRecipes + stopped,
    active_recipes: activeRecipes,
    successful_jobs: successfulJobs,
    failed_jobs: failedJobs,
    series,
    top_failing_recipes: failing.sort((a, b) => b.failed_jobs - a.failed_jobs || a.id - b.id),
  };
}

const RECIPE_NAMES = [
  'Sync new CRM deals to the ledger',
  'Post failed payments to the team chat',
  'Create invoices from won opportunities',
  'Copy new sign-ups to the mailing list',
  'Nightly export of orders to the warehouse',
  'Open a ticket for every urgent e-mail',
  'Update stock levels from the shop',
  'Send a welcome message to new customers',
];
