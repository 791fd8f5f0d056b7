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
import type { App, Collaborator, Customer, Partner, Plan, Status } from '../model/schemas.js';
import { customerStatus, withLimits } from '../model/rules.js';
import {
  DAILY_ROLLUP_DAYS,
  HOURLY_ROLLUP_DAYS,
  type CustomerActivity,
  type HourlyJobRollup,
  type Recipe,
} from '../model/dashboard.js';
import { orderTeam } from './team-order.js';

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

// Salts keep the streams for customers, collaborators and recipes independent of each other.
const SALT_CUSTOMER = 1;
const SALT_COLLABORATORS = 2;
const SALT_RECIPES = 5;

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
// Collaborators

/** How many of a team are customer managers: some teams have none, some several. */
const MANAGER_COUNTS = [0, 1, 2, 3] as const;
const MANAGER_COUNT_WEIGHTS = [0.15, 0.55, 0.2, 0.1];
/** The customers the demo lists first get the admin more often, so both switch states show at once. */
const FIRST_SCREEN_IDS = 50;

/**
 * 1–6 people, managers first then by name (orderTeam): no customer manager on about 15 % of the
 * teams, two or three on about 30 %. The demo admin (`admin@partner.example`) is on about a third of
 * the teams (half of those among the first 50 ids), sometimes as one of the customer managers, so
 * "Switch to this account" is allowed for some customers and refused for others.
 */
export function generateCollaborators(seed: number, customerId: number): Collaborator[] {
  const rng = createRng(hashSeed(seed, customerId, SALT_COLLABORATORS));
  const withAdmin = rng.chance(customerId <= FIRST_SCREEN_IDS ? 1 / 2 : 1 / 3);
  const managers = pickWeighted(rng, MANAGER_COUNTS, MANAGER_COUNT_WEIGHTS);
  const count = Math.max(rng.int(1, 6), managers, withAdmin ? 2 : 1);
  const domain = `customer-${customerId}.example`;
  const firstNames = [...PERSON_FIRST];
  const people: Collaborator[] = [];
  for (let i = 0; i < count; i++) {
    // Distinct first names keep e-mail addresses distinct within one customer.
    const first = firstNames.splice(rng.int(0, firstNames.length - 1), 1)[0]!;
    const last = rng.pick(PERSON_LAST);
    const manager = i < managers;
    people.push({
      id: customerId * 10 + i + 1,
      name: `${first} ${last}`,
      email: `${asciiSlug(first, '.')}.${asciiSlug(last, '.')}@${domain}`,
      role: manager ? MANAGER_ROLE : rng.pick(COLLABORATOR_ROLES),
      customer_manager: manager,
    });
  }
  if (withAdmin) {
    const slot = rng.int(0, count - 1);
    const manager = slot < managers;
    people[slot] = {
      id: customerId * 10 + slot + 1,
      name: DEMO_PARTNER.admin.name,
      email: DEMO_ADMIN_EMAIL,
      role: manager ? MANAGER_ROLE : 'Partner admin',
      customer_manager: manager,
    };
  }
  return orderTeam(people);
}

const MANAGER_ROLE = 'Customer manager';

// ---------------------------------------------------------------------------------------------
// Recipes and job rollups

type Cadence = 'busy' | 'daily' | 'weekly' | 'sporadic';
const CADENCES: readonly Cadence[] = ['busy', 'daily', 'weekly', 'sporadic'];
const CADENCE_WEIGHTS = [0.1, 0.25, 0.3, 0.35];
/** Share of customers with recipes, by status at the anchor: paying customers build more. */
const RECIPE_SHARE = { active: 0.4, trial: 0.25, expired: 0.1 } as const;
const RECIPE_COUNTS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const RECIPE_COUNT_WEIGHTS = [0.4, 0.25, 0.15, 0.08, 0.05, 0.03, 0.02, 0.02];
/** Recipe ids are `customer id × 100 + n`: unique, and derivable without a global counter. */
const RECIPES_PER_CUSTOMER_ID = 100;

const RECIPE_NAME_TEMPLATES = [
  'Sync new {s} contacts to {t}',
  'Copy {s} orders into {t}',
  'Post {s} alerts to {t}',
  'Create {t} invoices from {s} deals',
  'Nightly export from {s} to {t}',
  'Update {t} when a {s} record changes',
  'Send {s} sign-ups to {t}',
  'Archive {s} files in {t}',
  'Open a {t} ticket for every urgent {s} message',
  'Match {s} payments with {t}',
];

interface RecipePlan {
  recipe: Recipe;
  cadence: Cadence;
  /** Jobs on a full day it runs. */
  perDay: number;
  failureShare: number;
  /** The weekday (0 = Sunday) a weekly recipe runs. */
  weekday: number;
  /** First day with jobs, and the day it stopped (no jobs from then on), in days since 1970. */
  fromDay: number;
  stopDay: number | null;
}

function appName(id: string): string {
  return APP_NAMES[DEMO_APP_IDS.indexOf(id)] ?? id;
}

function headBiasedApp(rng: Rng, other: string | null): string {
  for (;;) {
    const id = DEMO_APP_IDS[Math.floor(rng.next() ** 2 * DEMO_APP_IDS.length)]!;
    if (id !== other) return id;
  }
}

function planRecipe(rng: Rng, customer: Customer, status: Status, n: number, anchorDay: number): RecipePlan {
  const joinedDay = Math.floor(Date.parse(customer.created_at) / DAY_MS);
  // A recipe connects two apps, the first mostly one the customer uses most.
  const source = customer.top_apps.length > 0 && rng.chance(0.7) ? rng.pick(customer.top_apps) : headBiasedApp(rng, null);
  const target = headBiasedApp(rng, source);
  const name = rng.pick(RECIPE_NAME_TEMPLATES).replace('{s}', appName(source)).replace('{t}', appName(target));
  const cadence = pickWeighted(rng, CADENCES, CADENCE_WEIGHTS);
  const perDay =
    cadence === 'busy' ? rng.int(40, 1500) : cadence === 'daily' ? rng.int(1, 30) : cadence === 'weekly' ? rng.int(1, 25) : rng.int(1, 6);
  const r = rng.next();
  const failureShare = r < 0.7 ? rng.next() * 0.02 : r < 0.9 ? 0.03 + rng.next() * 0.12 : 0.2 + rng.next() * 0.4;
  let fromDay: number;
  let stopDay: number | null = null;
  if (status === 'expired') {
    // Its recipes stopped when the subscription ended (or on some day in the past).
    const endDay = customer.trial_ends_at === null ? anchorDay - rng.int(0, 200) : Math.floor(Date.parse(customer.trial_ends_at) / DAY_MS);
    stopDay = Math.min(anchorDay, endDay);
    fromDay = Math.max(joinedDay, stopDay - rng.int(1, 120));
  } else {
    fromDay = status === 'trial' ? joinedDay + rng.int(0, Math.max(0, anchorDay - joinedDay)) : Math.max(joinedDay, anchorDay - rng.int(0, 365));
    if (rng.chance(0.15)) stopDay = rng.int(fromDay, anchorDay);
  }
  return {
    recipe: {
      id: customer.id * RECIPES_PER_CUSTOMER_ID + n,
      name,
      source_app_id: source,
      target_app_id: target,
      running: stopDay === null,
    },
    cadence,
    perDay,
    failureShare,
    weekday: rng.int(0, 6),
    fromDay,
    stopDay,
  };
}

function runsOn(rng: Rng, plan: RecipePlan, day: number): boolean {
  if (day < plan.fromDay || (plan.stopDay !== null && day >= plan.stopDay)) return false;
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
  if (plan.cadence === 'busy') return true;
  if (plan.cadence === 'daily') return (weekday !== 0 && weekday !== 6) || rng.chance(0.1);
  if (plan.cadence === 'weekly') return weekday === plan.weekday;
  return rng.chance(0.06);
}

/**
 * Failures among `jobs`: the recipe's usual share, with a bad day now and then. Rounded at random
 * (up with the probability of the fraction), so a recipe with few jobs still fails now and then.
 */
function failuresOf(rng: Rng, plan: RecipePlan, jobs: number): number {
  const share = rng.chance(0.02) ? 0.7 : plan.failureShare * (0.5 + rng.next());
  return Math.min(jobs, Math.floor(jobs * share + rng.next()));
}

/** The hours of a day a recipe's jobs fall in, with their job counts (only hours with jobs). */
function hoursOfDay(rng: Rng, plan: RecipePlan, dayJobs: number): [hourOfDay: number, jobs: number][] {
  if (plan.cadence === 'busy') {
    const hours: [number, number][] = [];
    for (let h = 0; h < 24; h++) {
      const weight = (h >= 7 && h <= 19 ? 1.6 : 0.35) / 24;
      const jobs = Math.round(dayJobs * weight * (0.6 + 0.8 * rng.next()));
      if (jobs > 0) hours.push([h, jobs]);
    }
    return hours;
  }
  const runs = plan.cadence === 'daily' ? rng.int(1, 3) : 1;
  const chosen = new Set<number>();
  while (chosen.size < runs) chosen.add(rng.int(6, 20));
  return [...chosen].sort((a, b) => a - b).map((h) => [h, Math.max(1, Math.round((dayJobs / runs) * (0.6 + 0.8 * rng.next())))]);
}

/**
 * The recipes of a customer and their job rollups, from the seed, the customer as generated and the
 * anchor day: daily rollups for the 90 days ending with the anchor day, hourly ones for its last two
 * days (each of those days' daily rollup is the sum of its hours), only for days and hours with jobs,
 * sorted by (day or hour, recipe) as the store's keys are. About 31 % of customers have recipes
 * (40 % of active ones, 25 % of trials, 10 % of expired ones), 1–8 each, running at their own
 * cadence (busy every day, weekdays, weekly, sporadically); about 15 % are stopped, and so are every
 * recipe of an expired customer, from the day its subscription ended — they keep their past jobs.
 */
export function generateActivity(seed: number, customer: Customer, anchor: Date): CustomerActivity {
  const rng = createRng(hashSeed(seed, customer.id, SALT_RECIPES));
  const anchorDay = Math.floor(anchor.getTime() / DAY_MS);
  const activity: CustomerActivity = { recipes: [], daily: [], hourly: [] };
  const status = customerStatus(customer, anchor);
  if (!rng.chance(RECIPE_SHARE[status])) return activity;
  const plans: RecipePlan[] = [];
  const count = pickWeighted(rng, RECIPE_COUNTS, RECIPE_COUNT_WEIGHTS);
  for (let n = 1; n <= count; n++) plans.push(planRecipe(rng, customer, status, n, anchorDay));
  activity.recipes = plans.map((p) => p.recipe);

  const firstHourlyDay = anchorDay - HOURLY_ROLLUP_DAYS + 1;
  for (let day = anchorDay - DAILY_ROLLUP_DAYS + 1; day <= anchorDay; day++) {
    const weekday = (day + 4) % 7;
    const dayHourly: HourlyJobRollup[] = [];
    for (const plan of plans) {
      if (!runsOn(rng, plan, day)) continue;
      const weekendFactor = plan.cadence === 'busy' && (weekday === 0 || weekday === 6) ? 0.5 : 1;
      const dayJobs = Math.round(plan.perDay * weekendFactor * (0.6 + 0.8 * rng.next()));
      if (dayJobs === 0) continue;
      const id = plan.recipe.id;
      if (day < firstHourlyDay) {
        const failed = failuresOf(rng, plan, dayJobs);
        activity.daily.push({ recipe_id: id, day, successful: dayJobs - failed, failed });
        continue;
      }
      let successful = 0;
      let failed = 0;
      for (const [hourOfDay, jobs] of hoursOfDay(rng, plan, dayJobs)) {
        const hourFailed = failuresOf(rng, plan, jobs);
        dayHourly.push({ recipe_id: id, hour: day * 24 + hourOfDay, successful: jobs - hourFailed, failed: hourFailed });
        successful += jobs - hourFailed;
        failed += hourFailed;
      }
      activity.daily.push({ recipe_id: id, day, successful, failed });
    }
    dayHourly.sort((a, b) => a.hour - b.hour || a.recipe_id - b.recipe_id);
    activity.hourly.push(...dayHourly);
  }
  return activity;
}
