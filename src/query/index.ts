/** The customer query: folding, search with match ranges, sort, date presets, list params, URL state. */
export * from './types.js';
export { foldText } from './fold.js';
export { findMatches, matchCustomer, foldQuery, foldedIncludes, type Range, type MatchRange, type CustomerMatch } from './search.js';
export {
  nameSortKey,
  nextSort,
  sortToParam,
  sortFromParam,
  sortValue,
  sortCustomers,
  DEFAULT_SORT_PARAM,
  type SortParam,
} from './sort.js';
export { resolveJoinedRange, isIsoDate, isoDateToDay, isJoinedPreset, utcDate, instantMs, PRESET_DAYS } from './joined.js';
export {
  queryToListParams,
  countsListParams,
  parseListParams,
  MAX_QUERY_LENGTH,
  MAX_PLANS,
  DEFAULT_PER_PAGE,
  type ValidListParams,
  type ParseListParamsResult,
} from './list-params.js';
export { createCustomerIndex, createCustomerIndexAsync, type CustomerIndex, type AsyncIndexOptions } from './customer-index.js';
export { sortOrder, prepareSortOrders } from './sort-order.js';
export {
  runQuery,
  queryIndex,
  applyListParams,
  listParamsFilter,
  type CustomerFilter,
  type QueryResult,
  type IndexQueryResult,
} from './run-query.js';
export { hasActiveFilters, withoutFilters } from './filters.js';
export { queryToSearchParams, queryFromSearchParams } from './url.js';
