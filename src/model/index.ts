export * from './schemas.js';
export * from './rules.js';
export * from './problems.js';
export * from './commands.js';
export * from './dashboard.js';
export * from './account-switch.js';
export * from './history.js';
export * from './edit-merge.js';
