/** `customers-console/core`: the model, the query functions, the backends and the origin rules. No DOM. */
export * from './model/index.js';
export * from './query/types.js';
export * from './backend/backend.js';
export * from './backend/errors.js';
