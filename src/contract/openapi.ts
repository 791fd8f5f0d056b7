/**
 * The backend contract (DESIGN.md's table) as an OpenAPI 3.1 document, built from the zod schemas of
 * src/model: zod 4's own JSON Schema output (`toJSONSchema`, which zod/mini exports too) becomes
 * `components.schemas`, and the routes are listed once, in `CONTRACT_OPERATIONS`, with their
 * parameters, headers and problem answers. `npm run build` writes the document to dist/openapi.json
 * (scripts/build-contract.ts) and the reference server serves it at `<apiBase>/openapi.json`.
 *
 * Schemas are emitted for their *input* side: a response is the input of the schema the client
 * parses it with, so the document says what the client accepts (unknown fields of a response are
 * ignored, as the client's `z.object` ignores them; a PATCH body's unknown field is refused, as
 * `CustomerPatch` is strict).
 *
 * Adding a route is one entry in CONTRACT_OPERATIONS (and its schema in COMPONENT_SCHEMAS);
 * test/unit/openapi.test.ts fails while the reference server has a route the document lacks.
 */
import * as z from 'zod/mini';
import {
  App,
  AppAccess,
  AppList,
  Collaborator,
  CollaboratorList,
  Customer,
  CustomerPage,
  CustomerPatch,
  DASHBOARD_PERIODS,
  DashboardPeriod,
  DashboardStats,
  EmbedSession,
  EmbedSessionRequest,
  HistoryPage,
  MAX_PER_PAGE,
  NewCustomer,
  Partner,
  Plan,
  PlanChange,
  PlanList,
  Problem,
  SortKey,
  Status,
  StatusCounts,
  SwitchResult,
  TrialChange,
} from '../model/schemas.js';

/** Every schema of the contract by its component name; `$ref`s between them use these names. */
export const COMPONENT_SCHEMAS = {
  Customer,
  CustomerPage,
  StatusCounts,
  NewCustomer,
  CustomerPatch,
  PlanChange,
  TrialChange,
  Plan,
  PlanList,
  App,
  AppList,
  AppAccess,
  Collaborator,
  CollaboratorList,
  DashboardStats,
  DashboardPeriod,
  HistoryPage,
  SwitchResult,
  Partner,
  EmbedSessionRequest,
  EmbedSession,
  Problem,
  Status,
  SortKey,
} as const;
export type SchemaName = keyof typeof COMPONENT_SCHEMAS;

type JsonObject = { [key: string]: unknown };
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The problem answers a route may give, each a `components.responses` entry. */
export const PROBLEM_RESPONSES = {
  400: ['BadRequest', 'The request could not be read: malformed JSON, JSON nested deeper than 16 levels, or a malformed header (If-Match, Idempotency-Key).'],
  401: ['Unauthorized', 'No bearer token, or one the server does not know.'],
  403: ['Forbidden', 'The caller may not do this (an embed session outside its customer, or a partner-wide call; switch: the admin is not on the team).'],
  404: ['NotFound', 'No customer with that User ID or external ID.'],
  409: ['Conflict', 'The external ID is taken by another customer.'],
  412: ['PreconditionFailed', 'Someone else changed the customer since the version sent in If-Match.'],
  413: ['ContentTooLarge', 'The body is over the size limit (512 KB on the reference server).'],
  415: ['UnsupportedMediaType', 'The body is not declared application/json.'],
  422: ['UnprocessableContent', 'The body or parameters are not valid; `errors` names each field.'],
  428: ['PreconditionRequired', 'The write needs If-Match with the version last read.'],
  503: ['ServiceUnavailable', 'Briefly unavailable (e.g. another writer holds the database); retry after Retry-After seconds.'],
} as const;
export type ProblemStatus = keyof typeof PROBLEM_RESPONSES;

export interface OperationSpec {
  method: HttpMethod;
  /** Under the API base, in OpenAPI form (`{ref}`). */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** `bearer`: the admin's token (or an embed session's, for the calls a session may make); `none`: public. */
  auth: 'bearer' | 'none';
  /** Query parameters: names of `components.parameters`. */
  query?: readonly string[];
  ifMatch?: 'required' | 'optional';
  idempotencyKey?: boolean;
  body?: SchemaName;
  /** The success answer. */
  ok: { status: 200 | 201 | 204; schema?: SchemaName; etag?: boolean; location?: boolean; replay?: boolean; contentType?: string; description: string };
  problems: readonly ProblemStatus[];
}

const CUSTOMER_READ: readonly ProblemStatus[] = [401, 403, 404];
const BODY: readonly ProblemStatus[] = [400, 413, 415, 422];
const LIST_QUERY = ['q', 'plan', 'status', 'app', 'joined_from', 'joined_to', 'sort', 'page', 'per_page'] as const;

/** Every call of the contract, in DESIGN.md's order. */
export const CONTRACT_OPERATIONS: readonly OperationSpec[] = [
  {
    method: 'get', path: '/customers', operationId: 'listCustomers', auth: 'bearer',
    summary: 'One page of customers, the total and the status counts',
    description: '`counts` ignore the `status` filter (they are the tabs\' figures). Customers are read settled at the server\'s clock: a customer whose trial has ended is on the free plan.',
    query: LIST_QUERY,
    ok: { status: 200, schema: 'CustomerPage', description: 'The page.' },
    problems: [401, 403, 422],
  },
  {
    method: 'post', path: '/customers', operationId: 'createCustomer', auth: 'bearer',
    summary: 'Add a customer',
    description: 'With an Idempotency-Key, a retry with the same body replays the first answer (`Idempotent-Replayed: true`); the same key with another body is 422.',
    idempotencyKey: true, body: 'NewCustomer',
    ok: { status: 201, schema: 'Customer', etag: true, location: true, replay: true, description: 'Created.' },
    problems: [...BODY, 401, 403, 409, 503],
  },
  {
    method: 'get', path: '/customers/{ref}', operationId: 'getCustomer', auth: 'bearer',
    summary: 'One customer',
    ok: { status: 200, schema: 'Customer', etag: true, description: 'The customer; ETag is its version.' },
    problems: CUSTOMER_READ,
  },
  {
    method: 'patch', path: '/customers/{ref}', operationId: 'updateCustomer', auth: 'bearer',
    summary: 'Change name, notification e-mail, external ID or origins',
    description: 'A body that changes nothing is a no-op (version unchanged); an unknown field is 422. Checks run 404 → body (400/415/422) → If-Match (428/412) → 409.',
    ifMatch: 'required', body: 'CustomerPatch',
    ok: { status: 200, schema: 'Customer', etag: true, description: 'The customer as changed.' },
    problems: [...CUSTOMER_READ, ...BODY, 409, 412, 428, 503],
  },
  {
    method: 'delete', path: '/customers/{ref}', operationId: 'deleteCustomer', auth: 'bearer',
    summary: 'Delete a customer and all its data, permanently',
    ifMatch: 'required',
    ok: { status: 204, description: 'Deleted.' },
    problems: [...CUSTOMER_READ, 400, 412, 428, 503],
  },
  {
    method: 'put', path: '/customers/{ref}/plan', operationId: 'setPlan', auth: 'bearer',
    summary: 'Change the plan (the limits follow it)',
    description: 'With If-Match, applied only to that version of the customer (else 412, nothing written); without it, to the customer as it is.',
    ifMatch: 'optional', body: 'PlanChange',
    ok: { status: 200, schema: 'Customer', etag: true, description: 'The customer on its new plan.' },
    problems: [...CUSTOMER_READ, ...BODY, 412, 503],
  },
  {
    method: 'put', path: '/customers/{ref}/trial', operationId: 'setTrial', auth: 'bearer',
    summary: 'Enable (start or extend by 30 days, 100 tasks/month) or disable the trial',
    description: 'With If-Match, applied only to that version of the customer (else 412, nothing written); without it, to the customer as it is.',
    ifMatch: 'optional', body: 'TrialChange',
    ok: { status: 200, schema: 'Customer', etag: true, description: 'The customer with its trial as changed.' },
    problems: [...CUSTOMER_READ, ...BODY, 412, 503],
  },
  {
    method: 'get', path: '/customers/{ref}/app-access', operationId: 'getAppAccess', auth: 'bearer',
    summary: 'Which apps the customer may use',
    ok: { status: 200, schema: 'AppAccess', etag: true, description: 'All apps, or the selected ones; the ETag is the customer\'s version.' },
    problems: CUSTOMER_READ,
  },
  {
    method: 'put', path: '/customers/{ref}/app-access', operationId: 'setAppAccess', auth: 'bearer',
    summary: 'Allow all apps, or only the selected ones',
    description:
      'Selected ids keep their order without duplicates; an app not in the catalogue is 422. Apps added to the catalogue later are not added to a selection. A changed access moves the customer\'s version one on and is written to its history; with If-Match, applied only to that version (else 412).',
    ifMatch: 'optional', body: 'AppAccess',
    ok: { status: 200, schema: 'AppAccess', etag: true, description: 'The access as stored; the ETag is the customer\'s version.' },
    problems: [...CUSTOMER_READ, ...BODY, 412, 503],
  },
  {
    method: 'get', path: '/customers/{ref}/history', operationId: 'listHistory', auth: 'bearer',
    summary: 'Every change to the customer, newest first',
    description: 'Who (admin, API caller or system), when, and each field old → new; written in the same transaction as the change. A page past the end is empty with the true total.',
    query: ['page', 'history_per_page'],
    ok: { status: 200, schema: 'HistoryPage', description: 'One page of the history.' },
    problems: [...CUSTOMER_READ, 422],
  },
  {
    method: 'get', path: '/customers/{ref}/collaborators', operationId: 'listCollaborators', auth: 'bearer',
    summary: 'The team: customer managers first, then by name',
    ok: { status: 200, schema: 'CollaboratorList', description: 'The team.' },
    problems: CUSTOMER_READ,
  },
  {
    method: 'get', path: '/customers/{ref}/dashboard', operationId: 'getDashboard', auth: 'bearer',
    summary: 'Recipes and jobs over a period',
    description: '`1d`: 24 hourly points ending with the current hour; `7d`/`30d`/`90d`: that many daily points ending today, oldest first.',
    query: ['period'],
    ok: { status: 200, schema: 'DashboardStats', description: 'The figures.' },
    problems: [...CUSTOMER_READ, 422],
  },
  {
    method: 'post', path: '/customers/{ref}/switch', operationId: 'switchToAccount', auth: 'bearer',
    summary: "A URL that opens the customer's account",
    description: 'Only for customer managers and collaborators of the customer\'s workspace; otherwise 403 with a detail saying who may switch.',
    ok: { status: 200, schema: 'SwitchResult', description: 'Where to go.' },
    problems: CUSTOMER_READ,
  },
  {
    method: 'get', path: '/plans', operationId: 'listPlans', auth: 'bearer',
    summary: "The partner's plans and the free plan",
    ok: { status: 200, schema: 'PlanList', description: 'The plans.' },
    problems: [401],
  },
  {
    method: 'get', path: '/apps', operationId: 'listApps', auth: 'bearer',
    summary: 'The app catalogue',
    ok: { status: 200, schema: 'AppList', description: 'The apps.' },
    problems: [401],
  },
  {
    method: 'get', path: '/partner', operationId: 'getPartner', auth: 'bearer',
    summary: "The partner, its origins and the current admin's permissions",
    ok: { status: 200, schema: 'Partner', description: 'The partner.' },
    problems: [401],
  },
  {
    method: 'post', path: '/embed/session', operationId: 'createEmbedSession', auth: 'none',
    summary: 'Open an embed session from a signed embed token (JWT) and the parent origin',
    description: 'The token (HS256, single-use `jti`, at most 15 minutes to live) names the customer; the origin must be on its list (or the partner\'s when its list is empty). The session token is then sent as a bearer token; it reaches only that customer.',
    body: 'EmbedSessionRequest',
    ok: { status: 201, schema: 'EmbedSession', description: 'The session.' },
    problems: [400, 401, 403, 404, 409, 413],
  },
  {
    method: 'delete', path: '/embed/session', operationId: 'endEmbedSession', auth: 'bearer',
    summary: 'End the calling embed session',
    ok: { status: 204, description: 'Ended.' },
    problems: [401],
  },
  {
    method: 'get', path: '/openapi.json', operationId: 'getOpenApiDocument', auth: 'none',
    summary: 'This document',
    ok: { status: 200, contentType: 'application/json', description: 'The contract as OpenAPI 3.1.' },
    problems: [],
  },
];

export interface OpenApiOptions {
  /** `servers` of the document; default: one server variable for the partner's API base. */
  servers?: readonly { url: string; description?: string }[];
  version?: string;
}

const ref = (kind: 'schemas' | 'responses' | 'parameters' | 'headers', name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** zod's JSON Schema for every component, `$ref`s pointing into `#/components/schemas`. */
function componentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(COMPONENT_SCHEMAS)) registry.add(schema, { id: name });
  const { schemas } = z.toJSONSchema(registry, { io: 'input', target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` });
  const out: Record<string, JsonObject> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    // Inside an OpenAPI document the dialect is the document's, and a fragment `$id` is not an id.
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
    out[name] = rest;
  }
  return out;
}

const intSchema = (minimum: number, maximum?: number) => ({ type: 'integer', minimum, ...(maximum === undefined ? {} : { maximum }) });
const date = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

/** Query and path parameters (the list params mirror src/query/list-params.ts). */
function parameters(): Record<string, JsonObject> {
  const query = (name: string, description: string, schema: unknown, extra: JsonObject = {}) => ({ name, in: 'query', required: false, description, schema, ...extra });
  return {
    ref: {
      name: 'ref', in: 'path', required: true,
      description: 'The User ID (a positive integer), or `E` followed by the URL-encoded external ID.',
      schema: { type: 'string', pattern: '^(?:[1-9][0-9]{0,15}|E.+)$' },
    },
    q: query('q', 'Search in the name and the external ID: case and accent insensitive, substring.', { type: 'string', maxLength: 200 }),
    plan: query('plan', 'Plan ids (repeat the parameter for several); the plan a customer is on at the clock (Free once a trial has ended).', { type: 'array', items: { type: 'string', minLength: 1, maxLength: 64 }, maxItems: 50 }, { style: 'form', explode: true }),
    status: query('status', '`all` (or absent) for every status.', { anyOf: [ref('schemas', 'Status'), { const: 'all' }] }),
    app: query('app', 'Customers with this app among their top apps.', { type: 'string', minLength: 1, maxLength: 64 }),
    joined_from: query('joined_from', 'Joined on or after this day (UTC).', date),
    joined_to: query('joined_to', 'Joined on or before this day (UTC); not before joined_from.', date),
    sort: query('sort', 'A sort key, `-` in front for descending; ties by User ID ascending. Default `-created_at`.', { type: 'string', enum: ['name', 'created_at', 'tasks_used', 'connections'].flatMap((k) => [k, `-${k}`]), default: '-created_at' }),
    page: query('page', 'From 1; a page past the end is empty with the true total.', { ...intSchema(1), default: 1 }),
    per_page: query('per_page', 'Page size.', { ...intSchema(1, MAX_PER_PAGE), default: 50 }),
    history_per_page: query('per_page', 'Page size.', { ...intSchema(1, MAX_PER_PAGE), default: 20 }),
    period: { name: 'period', in: 'query', required: true, description: 'The dashboard period.', schema: { type: 'string', enum: [...DASHBOARD_PERIODS] } },
  };
}

const problemContent = { 'application/problem+json': { schema: ref('schemas', 'Problem') } };

function headerObjects(): Record<string, JsonObject> {
  return {
    ETag: { description: 'The customer\'s version as a strong entity tag, e.g. `"3"`: send it back in If-Match.', schema: { type: 'string', pattern: '^"[1-9][0-9]*"$' } },
    Location: { description: 'Where the created customer is read.', schema: { type: 'string' } },
    IdempotentReplayed: { description: '`true` when this is the stored answer of an earlier request with the same Idempotency-Key.', schema: { type: 'string', const: 'true' } },
    RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } },
    WWWAuthenticate: { description: '`Bearer`.', schema: { type: 'string' } },
  };
}

function problemResponses(): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const [status, [name, description]] of Object.entries(PROBLEM_RESPONSES)) {
    const headers =
      status === '503' ? { 'Retry-After': ref('headers', 'RetryAfter') } : status === '401' ? { 'WWW-Authenticate': ref('headers', 'WWWAuthenticate') } : undefined;
    out[name] = { description, ...(headers ? { headers } : {}), content: problemContent };
  }
  out.Problem = { description: 'Any other failure, as problem+json (RFC 9457).', content: problemContent };
  return out;
}

function operationObject(op: OperationSpec): JsonObject {
  const params: unknown[] = [];
  if (op.path.includes('{ref}')) params.push(ref('parameters', 'ref'));
  for (const name of op.query ?? []) params.push(ref('parameters', name));
  if (op.ifMatch) {
    params.push({
      name: 'If-Match', in: 'header', required: op.ifMatch === 'required',
      description: 'The ETag last read, exactly as sent (`"3"`, quotes included); weak tags, `*` and lists are 400.',
      schema: { type: 'string', pattern: '^"[1-9][0-9]*"$' },
    });
  }
  if (op.idempotencyKey) {
    params.push({
      name: 'Idempotency-Key', in: 'header', required: false,
      description: '1 to 255 printable ASCII characters; a retry with the same key and body replays the first answer.',
      schema: { type: 'string', pattern: '^[\\x20-\\x7e]{1,255}$' },
    });
  }
  const headers: JsonObject = {};
  if (op.ok.etag) headers.ETag = ref('headers', 'ETag');
  if (op.ok.location) headers.Location = ref('headers', 'Location');
  if (op.ok.replay) headers['Idempotent-Replayed'] = ref('headers', 'IdempotentReplayed');
  const ok: JsonObject = { description: op.ok.description };
  if (Object.keys(headers).length > 0) ok.headers = headers;
  if (op.ok.schema) ok.content = { 'application/json': { schema: ref('schemas', op.ok.schema) } };
  else if (op.ok.contentType) ok.content = { [op.ok.contentType]: { schema: { type: 'object' } } };
  const responses: JsonObject = { [String(op.ok.status)]: ok };
  for (const status of op.problems) responses[String(status)] = ref('responses', PROBLEM_RESPONSES[status][0]);
  responses.default = ref('responses', 'Problem');
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.auth === 'none' ? { security: [] } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref('schemas', op.body) } } } } : {}),
    responses,
  };
}

/** The whole document, as a plain JSON value. */
export function buildOpenApiDocument(options: OpenApiOptions = {}): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const op of CONTRACT_OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Customers console backend contract',
      version: options.version ?? '0.1.0',
      summary: 'What a backend serves for the customers console elements (HttpBackend).',
      description:
        'Every answer is JSON parsed by the client with these schemas; every error is application/problem+json. ' +
        'Customers carry a `version`: writes that could overwrite someone else\'s change need `If-Match`. ' +
        'Check a backend with `npx customers-console-contract --base-url <api base> --token <token>`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: options.servers
      ? [...options.servers]
      : [{ url: '{apiBase}', description: "The partner's API base URL", variables: { apiBase: { default: 'https://api.partner.example' } } }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: componentSchemas(),
      parameters: parameters(),
      headers: headerObjects(),
      responses: problemResponses(),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: "The partner admin's token (the kit's `getToken()`), or an embed session token, which reaches only its customer." },
      },
    },
  };
}
