/**
 * `customers-console/core`: the model, the query functions, the backends and the origin rules.
 * No DOM; runs in Node and in the browser. Everything here is side-effect free, so a bundler keeps
 * only what a partner imports (MemoryBackend and the generator stay out unless used).
 */
export * from './model/index.js';
export * from './query/index.js';
export * from './backend/backend.js';
export * from './backend/errors.js';
export { HttpBackend, type HttpBackendOptions } from './backend/http-backend.js';
export { MemoryBackend, type MemoryBackendOptions } from './backend/memory-backend.js';
export { SharedLookupsBackend } from './backend/shared-lookups.js';
export { compareTeamMembers, orderTeam } from './backend/team-order.js';
export {
  generateCustomers,
  generateCustomer,
  generateApps,
  generateCollaborators,
  generateActivity,
  startOfUtcDay,
  DEMO_PLANS,
  DEMO_PARTNER,
  type GenerateOptions,
} from './backend/generate.js';
export {
  normaliseOrigin,
  parseOriginList,
  formatOriginList,
  isOriginAllowed,
  effectiveOrigins,
  describeRejection,
  isLoopbackHost,
  MAX_ORIGINS,
  type OriginRejection,
  type NormalisedOrigin,
  type ParsedOriginList,
  type RejectedOrigin,
  type EffectiveOrigins,
} from './embed/origins.js';
export { frameAncestorsDirective, CSP_HEADER } from './embed/frame-ancestors.js';
