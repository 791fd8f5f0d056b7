/**
 * `customers-console`: registers every element and exports their classes and HttpBackend — what a
 * partner page needs. The model, query functions, MemoryBackend and origin rules live in
 * `customers-console/core`; `customers-console/<element>.js` registers one element alone.
 */
export { HttpBackend, type HttpBackendOptions } from './src/backend/http-backend.js';
export * from './components/customer-table/define.js';
export * from './components/customer-filters/define.js';
export * from './components/customer-console/define.js';
export * from './components/customer-dashboard/define.js';
export * from './components/customer-collaborators/define.js';
export * from './components/customer-switch-button/define.js';
export * from './components/customer-form/define.js';
export * from './components/plan-settings/define.js';
export * from './components/customer-settings/define.js';
export * from './components/app-access-editor/define.js';
