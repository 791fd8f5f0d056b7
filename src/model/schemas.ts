/**
 * The backend contract's resources as zod schemas: the single source of truth for the HTTP client,
 * MemoryBackend and the reference server. `zod/mini` keeps the browser bundle small.
 */
import * as z from 'zod/mini';

import {
  DASHBOARD_PERIODS,
  HISTORY_ACTIONS,
  HISTORY_ACTOR_KINDS,
  HISTORY_FIELDS,
  ID_MAX_LENGTH,
  SORT_KEYS,
  STATUSES,
} from './constants.js';

export * from './constants.js';

const isoDateTime = z.iso.datetime({ offset: true });
const nonNegativeInt = z.int().check(z.gte(0));
const positiveInt = z.int().check(z.gte(1));
const trimmed = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const CustomerName = trimmed(200);
/** External IDs are the partner's own keys: printable, no surrounding whitespace, at most 100 chars. */
export const ExternalId = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(100),
  z.regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters'),
);
export const Email = z.email().check(z.maxLength(254));
export const PlanId = trimmed(ID_MAX_LENGTH);
export const AppId = trimmed(ID_MAX_LENGTH);
export const Status = z.enum(STATUSES);
export const SortKey = z.enum(SORT_KEYS);
export const DashboardPeriod = z.enum(DASHBOARD_PERIODS);
// The value names above shadow the types re-exported from constants.ts; restate them.
export type Status = z.infer<typeof Status>;
export type SortKey = z.infer<typeof SortKey>;
export type DashboardPeriod = z.infer<typeof DashboardPeriod>;

export const Customer = z.object({
  id: positiveInt,
  name: CustomerName,
  external_id: z.nullable(ExternalId),
  notification_email: Email,
  /**
   * The plan as read at the backend's clock. A customer whose trial has ended is on the free plan:
   * every backend answers it settled (`settledCustomer`), with `plan_id` "free", `in_trial` false and
   * the free plan's limits, from the end instant on, whether or not a write has stored that yet.
   */
  plan_id: PlanId,
  in_trial: z.boolean(),
  /**
   * The end of the running trial, or of the last one: it stays, as the instant the trial ended,
   * once the customer has fallen to Free or subscribed. Null when there never was a trial.
   */
  trial_ends_at: z.nullable(isoDateTime),
  created_at: isoDateTime,
  tasks_used: nonNegativeInt,
  task_limit: nonNegativeInt,
  connections: nonNegativeInt,
  connection_limit: nonNegativeInt,
  top_apps: z.array(AppId).check(z.maxLength(5)),
  origins: z.array(z.string().check(z.maxLength(2048))).check(z.maxLength(100)),
  version: positiveInt,
});
export type Customer = z.infer<typeof Customer>;

export const StatusCounts = z.object({
  all: nonNegativeInt,
  active: nonNegativeInt,
  trial: nonNegativeInt,
  expired: nonNegativeInt,
});
export type StatusCounts = z.infer<typeof StatusCounts>;

/** One page of `GET /customers`: `counts` ignore the status filter so the tabs can show them. */
export const CustomerPage = z.object({
  items: z.array(Customer),
  total: nonNegativeInt,
  page: positiveInt,
  per_page: positiveInt,
  counts: StatusCounts,
});
export type CustomerPage = z.infer<typeof CustomerPage>;

export const NewCustomer = z.object({
  name: CustomerName,
  notification_email: Email,
  plan_id: PlanId,
  external_id: z.optional(z.nullable(ExternalId)),
});
export type NewCustomer = z.infer<typeof NewCustomer>;

/**
 * PATCH body: every field optional; `external_id: null` removes it. A field it does not know is a
 * 422 (a misspelt field is the caller's bug, not a silent no-op); a body that changes nothing (`{}`,
 * or fields already as given) is a no-op: the customer as it is, version unchanged.
 */
export const CustomerPatch = z.strictObject(
  {
    name: z.optional(CustomerName),
    notification_email: z.optional(Email),
    external_id: z.optional(z.nullable(ExternalId)),
    origins: z.optional(z.array(z.string().check(z.maxLength(2048))).check(z.maxLength(100))),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : undefined,
  },
);
export type CustomerPatch = z.infer<typeof CustomerPatch>;

export const PlanChange = z.object({ plan_id: PlanId });
export type PlanChange = z.infer<typeof PlanChange>;

export const TrialChange = z.object({ enabled: z.boolean() });
export type TrialChange = z.infer<typeof TrialChange>;

export const Plan = z.object({
  id: PlanId,
  name: trimmed(100),
  task_limit: nonNegativeInt,
  connection_limit: nonNegativeInt,
});
export type Plan = z.infer<typeof Plan>;
export const PlanList = z.object({ items: z.array(Plan) });

/** App icons are data: images or https URLs, nothing that could run script. */
export const AppIcon = z.string().check(
  z.maxLength(20_000),
  z.regex(/^(data:image\/(svg\+xml|png|webp)[;,]|https:\/\/)/, 'must be a data:image or https URL'),
);
export const App = z.object({ id: AppId, name: trimmed(100), icon: z.nullable(AppIcon) });
export type App = z.infer<typeof App>;
export const AppList = z.object({ items: z.array(App) });

export const AppAccess = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('all') }),
  z.object({ mode: z.literal('selected'), app_ids: z.array(AppId).check(z.maxLength(1000)) }),
]);
export type AppAccess = z.infer<typeof AppAccess>;

export const Collaborator = z.object({
  id: positiveInt,
  name: trimmed(200),
  email: Email,
  role: trimmed(100),
  customer_manager: z.boolean(),
});
export type Collaborator = z.infer<typeof Collaborator>;
export const CollaboratorList = z.object({ items: z.array(Collaborator) });

export const DashboardPoint = z.object({
  at: isoDateTime,
  successful_jobs: nonNegativeInt,
  failed_jobs: nonNegativeInt,
});
/** A recipe's jobs over the dashboard's period. */
export const DashboardRecipe = z.object({
  id: positiveInt,
  name: trimmed(200),
  /** Running recipes are the active ones; a stopped recipe keeps its past jobs. */
  running: z.boolean(),
  successful_jobs: nonNegativeInt,
  failed_jobs: nonNegativeInt,
});
export type DashboardRecipe = z.infer<typeof DashboardRecipe>;

/**
 * A customer's jobs over a period (`1d` hourly points, else daily points, oldest first). `recipes`
 * counts every recipe of the customer, running or stopped (0: it has built none yet);
 * `top_failing_recipes` lists at most five recipes with failed jobs in the period, most failures first.
 */
export const DashboardStats = z.object({
  period: DashboardPeriod,
  recipes: nonNegativeInt,
  active_recipes: nonNegativeInt,
  successful_jobs: nonNegativeInt,
  failed_jobs: nonNegativeInt,
  series: z.array(DashboardPoint),
  top_failing_recipes: z.array(DashboardRecipe).check(z.maxLength(5)),
});
export type DashboardStats = z.infer<typeof DashboardStats>;

export const SwitchResult = z.object({ url: z.url({ protocol: /^https?$/ }) });
export type SwitchResult = z.infer<typeof SwitchResult>;

export const Partner = z.object({
  id: positiveInt,
  name: trimmed(200),
  origins: z.array(z.string()),
  admin: z.object({
    id: positiveInt,
    name: trimmed(200),
    email: Email,
    permissions: z.object({
      manage_customers: z.boolean(),
      delete_customers: z.boolean(),
      /**
       * Whether this backend renames customers through the API (PATCH `name`). Absent means no:
       * the name is changed inside the customer's account by its customer managers.
       */
      rename_customers: z.optional(z.boolean()),
    }),
  }),
});
export type Partner = z.infer<typeof Partner>;

export const EmbedSessionRequest = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(8192)),
  origin: z.string().check(z.minLength(1), z.maxLength(2048)),
});
export type EmbedSessionRequest = z.infer<typeof EmbedSessionRequest>;
export const EmbedSession = z.object({
  session: z.string().check(z.minLength(16)),
  customer_id: positiveInt,
  origin: z.string(),
  expires_at: isoDateTime,
});
export type EmbedSession = z.infer<typeof EmbedSession>;

/**
 * A value in a change-history entry: text, a flag, a list (origins, selected app ids), or null
 * (no external ID, no trial end). `app_access` is "all" or the list of selected app ids.
 */
export const HistoryValue = z.nullable(
  z.union([z.string().check(z.maxLength(2048)), z.boolean(), z.array(z.string().check(z.maxLength(2048))).check(z.maxLength(1000))]),
);
export type HistoryValue = z.infer<typeof HistoryValue>;
export const HistoryChange = z.object({ field: z.enum(HISTORY_FIELDS), from: HistoryValue, to: HistoryValue });
export type HistoryChange = z.infer<typeof HistoryChange>;

/**
 * One change to a customer, written in the same transaction as the change itself. `version` is the
 * customer's version after it, so a 412 can point at the change that made an edit stale. A create
 * lists every field it set, `from` null.
 */
export const HistoryEntry = z.object({
  id: positiveInt,
  at: isoDateTime,
  action: z.enum(HISTORY_ACTIONS),
  actor: z.object({ kind: z.enum(HISTORY_ACTOR_KINDS), name: trimmed(200) }),
  version: positiveInt,
  changes: z.array(HistoryChange),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** One page of `GET /customers/:id/history`, newest first. */
export const HistoryPage = z.object({
  items: z.array(HistoryEntry),
  total: nonNegativeInt,
  page: positiveInt,
  per_page: positiveInt,
});
export type HistoryPage = z.infer<typeof HistoryPage>;

/** RFC 9457 problem details, with field errors for 422. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int().check(z.gte(400), z.lte(599)),
  detail: z.optional(z.string()),
  // Field name → messages. An object whose every key takes a list of strings: for JSON (whose keys
  // are strings) the same as z.record(z.string(), …), at half of the zod it pulls into the bundle.
  errors: z.optional(z.catchall(z.object({}), z.array(z.string()))),
});
export type Problem = z.infer<typeof Problem>;
