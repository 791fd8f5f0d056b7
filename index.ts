/**
 * `customers-console`: registers every element. Import `customers-console/<element>.js` instead to
 * pay only for one element, or `customers-console/core` for the model, query and backends alone.
 */
export * from './src/index.js';
