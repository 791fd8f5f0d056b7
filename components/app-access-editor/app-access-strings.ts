/**
 * Every text `<app-access-editor>` shows, so a partner can translate it with the `strings` property.
 * Functions take what varies, numbers already formatted for the locale (with the plain count beside
 * them where the sentence needs a plural), and return the sentence.
 */
export interface AppAccessStrings {
  /** The section's heading. */
  title: string;
  loading: string;
  loadFailed: string;
  retry: string;
  /** The current access when it is not restricted. */
  allApps: string;
  /** Under "All apps": what it means. */
  allAppsNote: string;
  /** The current access when restricted: `3 of 120 apps`. */
  selectedApps: (count: string, total: string, n: number) => string;
  /** Under the selected apps: what a restriction means, said where the admin decides. */
  selectedNote: string;
  /** The accessible name of the list of selected apps. */
  selectedListLabel: string;
  /** A restriction that selects no app. */
  noneSelected: string;
  /** The Edit button's visible text. */
  edit: string;
  /** The Edit button's accessible name (it contains the visible text). */
  editLabel: string;
  /** Next to the disabled Edit button: the page made the element read-only. */
  readonlyReason: string;
  /** Next to the disabled Edit button: the admin lacks `manage_customers`. */
  noPermissionReason: string;
  /** Announced once the change is saved. */
  saved: string;

  dialogTitle: (customerName: string) => string;
  modeLegend: string;
  modeAll: string;
  modeAllHelp: string;
  modeSelected: string;
  modeSelectedHelp: string;
  searchLabel: string;
  /** The checklist's accessible name. */
  checklistLabel: string;
  selectAll: string;
  /** Select all while a search narrows the list: the shown ones. */
  selectShown: (count: string, n: number) => string;
  clearAll: string;
  clearShown: (count: string, n: number) => string;
  /** The live count of the draft: `3 of 120 apps selected`. */
  selectedCount: (count: string, total: string, n: number) => string;
  /** How many apps a search shows (announced politely). */
  matches: (count: string, n: number) => string;
  /** A search that shows nothing. */
  noMatch: (query: string) => string;
  /** The draft restricts to no app at all. */
  noneSelectedWarning: string;

  summaryTitle: string;
  noChanges: string;
  /** From all apps to a selection. */
  restricts: (count: string, n: number) => string;
  /** From a selection back to all apps. */
  unrestricts: string;
  /** `+3 added: A, B, C`. */
  added: (count: string, names: string, n: number) => string;
  /** `−1 removed: D`. */
  removed: (count: string, names: string, n: number) => string;
  /** A list of app names cut short: `A, B, C and 12 more`. */
  namesAndMore: (names: string, more: string) => string;
  apply: string;
  applying: string;
  cancel: string;

  /** Going back to all apps asks first. */
  confirmAllTitle: string;
  confirmAllText: string;
  confirmAllButton: string;
  back: string;

  /** A failure with no problem text of its own; the selection is kept. */
  applyFailed: string;
  /** The request never got an answer; the selection is kept. */
  networkFailed: string;
  /** A 412 whose current access could not be read. */
  conflictLoadFailed: string;

  conflictTitle: string;
  /** What the other admin set. */
  conflictTheirs: (what: string) => string;
  conflictKept: string;
  applyMine: string;
  useTheirs: string;
}

export const DEFAULT_APP_ACCESS_STRINGS: AppAccessStrings = {
  title: 'App access',
  loading: 'Loading app access…',
  loadFailed: 'Could not load the app access.',
  retry: 'Retry',
  allApps: 'All apps',
  allAppsNote: 'This customer can discover and connect every app in the catalogue, including apps added to it later.',
  selectedApps: (count, total) => `${count} of ${total} apps`,
  selectedNote:
    'This customer can only discover and connect to these apps, the community library included. Apps added to the catalogue later are not added automatically.',
  selectedListLabel: 'Apps this customer can use',
  noneSelected: 'No apps are selected: this customer cannot connect any app.',
  edit: 'Edit',
  editLabel: 'Edit app access',
  readonlyReason: 'This session is read-only: app access can be seen here but not changed.',
  noPermissionReason: 'Changing app access needs permission to manage customers, which your admin role does not have.',
  saved: 'App access saved.',

  dialogTitle: (name) => `App access for ${name}`,
  modeLegend: 'Which apps can this customer use?',
  modeAll: 'All apps',
  modeAllHelp: 'Every app in the catalogue, including apps added to it later.',
  modeSelected: 'Only the apps selected here',
  modeSelectedHelp:
    'The customer can only discover and connect to the selected apps, the community library included. Apps added to the catalogue later are not added automatically.',
  searchLabel: 'Search apps',
  checklistLabel: 'Apps',
  selectAll: 'Select all',
  selectShown: (count) => `Select the ${count} shown`,
  clearAll: 'Clear all',
  clearShown: (count) => `Clear the ${count} shown`,
  selectedCount: (count, total) => `${count} of ${total} apps selected`,
  matches: (count, n) => (n === 1 ? '1 app matches' : `${count} apps match`),
  noMatch: (query) => `No apps match “${query}”.`,
  noneSelectedWarning: 'No apps selected: the customer will not be able to connect any app.',

  summaryTitle: 'Your change',
  noChanges: 'Nothing changed yet.',
  restricts: (count, n) => `Restricts the customer to ${n === 1 ? '1 selected app' : `${count} selected apps`}; apps added later are not included.`,
  unrestricts: 'Removes the restriction: the customer can use all apps, including apps added later.',
  added: (count, names) => `+${count} added: ${names}`,
  removed: (count, names) => `−${count} removed: ${names}`,
  namesAndMore: (names, more) => `${names} and ${more} more`,
  apply: 'Apply changes',
  applying: 'Applying…',
  cancel: 'Cancel',

  confirmAllTitle: 'Allow all apps again?',
  confirmAllText:
    'This removes the restriction: the customer can discover and connect every app in the catalogue, and apps added to it later.',
  confirmAllButton: 'Allow all apps',
  back: 'Back',

  applyFailed: 'The change was not applied. Your selection is kept: try again.',
  networkFailed: 'The server could not be reached, so the change was not applied. Your selection is kept: try again.',
  conflictLoadFailed:
    'Someone else changed this customer meanwhile, and its current app access could not be loaded. Your selection is kept: try again.',

  conflictTitle: 'Another admin changed this customer’s app access meanwhile',
  conflictTheirs: (what) => `They set: ${what}.`,
  conflictKept: 'Your selection is kept, and the change below is now counted from theirs. Apply yours over it, or use theirs.',
  applyMine: 'Apply my selection',
  useTheirs: 'Use theirs',
};
