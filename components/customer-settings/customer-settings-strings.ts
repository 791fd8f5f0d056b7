/**
 * Every text `<customer-settings>` shows, so a partner can translate it with the `strings` property.
 * Functions take what varies (a value, a count already formatted for the locale) and return the
 * sentence. The `fields` group names the customer's fields (history, conflicts); it merges one level
 * deep, so translating one field keeps the others.
 */
import type { HistoryField } from '../../src/model/constants.js';

export interface CustomerSettingsStrings {
  /** The element's region name. */
  label: string;
  loading: string;
  loadFailed: string;
  retry: string;
  /** Shown instead of the settings while there is no customer. */
  noCustomer: string;
  /** The framed, read-only console: why nothing can be changed here. */
  readonlyReason: string;
  /** The admin's role may not change customers (`manage_customers` false). */
  noManagePermission: string;
  /** Next to a section's heading while it holds edits that are not saved. */
  unsaved: string;
  save: string;
  saving: string;
  revert: string;
  saved: string;
  /** Any failure without a problem text of its own; what was typed is kept. */
  saveFailed: string;
  networkFailed: string;
  /** A server's message for one field, as it lands under that field. */
  serverFieldError: (message: string) => string;
  /** Text in a value's place when there is none (no external ID, empty list). */
  none: string;

  nameHeading: string;
  nameLabel: string;
  nameRule: string;
  /** Where the partner's backend renames through the API. */
  nameEditable: string;
  nameRequired: string;
  tooLong: (max: string) => string;

  idsHeading: string;
  externalIdLabel: string;
  externalIdWarning: string;
  /** `path` is `…/customers/E<encoded id>`. */
  externalIdPath: (path: string) => string;
  /** An empty field: saving removes the external ID; `path` is the User ID form. */
  externalIdClearing: (path: string) => string;
  externalIdControlCharacters: string;
  externalIdTaken: string;
  userIdLabel: string;
  userIdHelp: string;
  copy: string;
  copied: string;
  copyFailed: string;

  originsHeading: string;
  originsIntro: string;
  originsInputLabel: string;
  originsInputHelp: string;
  addOrigin: string;
  /** The Remove button's visible text. */
  remove: string;
  /** The Remove button of one entry, as its accessible name (it names the origin). */
  removeOrigin: (origin: string) => string;
  ownOriginsCaption: string;
  noOwnOrigins: string;
  inheritedCaption: string;
  inheritedBadge: string;
  inheritedExplained: string;
  noPartnerOrigins: string;
  /** A non-empty list of the customer's own replaces the partner's. */
  replacesInherited: string;
  /** `entries` is the list of merged entries. */
  duplicatesMerged: (entries: string) => string;
  /** Rejected entries stay in the field until fixed. */
  rejectedKept: string;
  cspCaption: string;
  cspExplained: string;
  cspNone: string;
  warningHeading: string;
  warningUnframeable: string;
  /** `origins` is the list of origins the save takes away. */
  warningDropped: (origins: string) => string;
  saveAnyway: string;
  cancel: string;

  conflictHeading: string;
  conflictIntro: string;
  conflictHistoryLink: string;
  theirChangesCaption: string;
  conflictsCaption: string;
  reappliedCaption: string;
  sameCaption: string;
  keepMine: (value: string) => string;
  takeTheirs: (value: string) => string;
  saveResolved: string;
  discardMine: string;
  chooseAll: string;

  dangerHeading: string;
  deleteIntro: string;
  deleteButton: string;
  noDeletePermission: string;
  deleteDialogTitle: (name: string) => string;
  deleteWhat: string;
  /** `name` is the customer's name to type. */
  deleteTypeName: (name: string) => string;
  deleteConfirmLabel: string;
  deleteMismatch: string;
  deleteConfirm: string;
  deleting: string;
  deleteFailed: string;
  /** The customer was changed by someone else since; the admin confirms again. */
  deleteStale: string;
  deleted: (name: string) => string;

  historyHeading: string;
  historyLoading: string;
  historyEmpty: string;
  historyFailed: string;
  showMore: string;
  /** "Plan: Growth → Business". */
  change: (field: string, from: string, to: string) => string;
  /** A field set where there was nothing (a create): "Plan: Growth". */
  set: (field: string, to: string) => string;
  created: string;
  actorApi: (name: string) => string;
  actorSystem: string;
  yes: string;
  no: string;
  allApps: string;
  /** An empty origin list in the history: the customer inherits the partner's. */
  inheritsOrigins: string;
  fields: Record<HistoryField, string>;
}

export const DEFAULT_CUSTOMER_SETTINGS_STRINGS: CustomerSettingsStrings = {
  label: 'Customer settings',
  loading: 'Loading settings…',
  loadFailed: 'Could not load the settings.',
  retry: 'Retry',
  noCustomer: 'No customer to show.',
  readonlyReason: 'This console is read-only here: settings are shown but can only be changed in the partner console.',
  noManagePermission: 'Your admin role cannot change customers, so these settings are read-only.',
  unsaved: 'Unsaved changes',
  save: 'Save',
  saving: 'Saving…',
  revert: 'Revert',
  saved: 'Saved.',
  saveFailed: 'The change could not be saved. What you typed is kept: try again.',
  networkFailed: 'The server could not be reached, so nothing was saved. What you typed is kept: try again.',
  serverFieldError: (message) => {
    const sentence = message.charAt(0).toUpperCase() + message.slice(1);
    return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  },
  none: 'None',

  nameHeading: 'Name',
  nameLabel: 'Customer name',
  nameRule:
    "A customer's name is changed inside its account, by the customer managers of its workspace who have collaborator privileges. Switch to the account to change it there.",
  nameEditable: 'Your backend also lets you rename the customer here.',
  nameRequired: "Enter the customer's name.",
  tooLong: (max) => `Use at most ${max} characters.`,

  idsHeading: 'External ID and User ID',
  externalIdLabel: 'External ID',
  externalIdWarning:
    'Changing the external ID affects every API call that uses it as input: callers addressing this customer by its old external ID stop finding it.',
  externalIdPath: (path) => `API path with this external ID: ${path}`,
  externalIdClearing: (path) => `Empty: saving removes the external ID. API callers must then use the User ID (${path}).`,
  externalIdControlCharacters: 'Remove tabs, line breaks and other control characters.',
  externalIdTaken: 'Another customer already has this external ID.',
  userIdLabel: 'User ID',
  userIdHelp: 'Assigned by the system; it never changes.',
  copy: 'Copy User ID',
  copied: 'User ID copied to the clipboard.',
  copyFailed: 'Could not copy: the browser refused access to the clipboard. Select the ID and copy it yourself.',

  originsHeading: 'iframe origin URLs',
  originsIntro: 'Pages on these origins may frame the console for this customer.',
  originsInputLabel: 'Add origins',
  originsInputHelp: 'Type or paste origins such as https://app.example.com, separated by commas or new lines; press Enter to add.',
  addOrigin: 'Add',
  remove: 'Remove',
  removeOrigin: (origin) => `Remove ${origin}`,
  ownOriginsCaption: "The customer's own origins",
  noOwnOrigins: 'The customer has no origins of its own.',
  inheritedCaption: "Inherited from the partner's origins",
  inheritedBadge: 'Inherited',
  inheritedExplained: "With no origins of its own, the customer inherits the partner's. They are changed in the partner settings, not here.",
  noPartnerOrigins: 'The partner has no origins either.',
  replacesInherited: "A non-empty list replaces the partner's origins for this customer: only the origins listed here will frame it.",
  duplicatesMerged: (entries) => `Already listed, merged: ${entries}.`,
  rejectedKept: 'These entries are not valid origins and stay in the field until you fix or delete them:',
  cspCaption: 'What a framed session gets',
  cspExplained: 'A session framed from one of these origins is served with this header (its own origin only):',
  cspNone: 'No origin may frame this customer: the server refuses to open a framed session.',
  warningHeading: 'Check before saving',
  warningUnframeable: 'With this list no page can frame this customer: it has no valid origin and none to inherit.',
  warningDropped: (origins) =>
    `These origins can frame the customer now and will not after saving: ${origins}. The kit cannot see open embed sessions; a session already open from one of them keeps working until it ends, new ones are refused.`,
  saveAnyway: 'Save anyway',
  cancel: 'Cancel',

  conflictHeading: 'Another admin changed this customer',
  conflictIntro: 'Someone saved changes while you were editing, so nothing of yours was saved yet. Everything you typed is kept.',
  conflictHistoryLink: 'See their change in the history',
  theirChangesCaption: 'Their changes',
  conflictsCaption: 'You both changed these: choose for each',
  reappliedCaption: 'Your changes they did not touch, applied again on their version',
  sameCaption: 'You both made the same change',
  keepMine: (value) => `Keep mine: ${value}`,
  takeTheirs: (value) => `Take theirs: ${value}`,
  saveResolved: 'Save my changes',
  discardMine: 'Discard my changes',
  chooseAll: 'Choose mine or theirs for every field first.',

  dangerHeading: 'Danger zone',
  deleteIntro: "Deleting the account removes all of the customer's data and recipes, permanently.",
  deleteButton: 'Delete account…',
  noDeletePermission: 'Your admin role cannot delete customers.',
  deleteDialogTitle: (name) => `Delete ${name}?`,
  deleteWhat: "All of the customer's data and recipes are destroyed, permanently. This cannot be undone and nothing can be recovered.",
  deleteTypeName: (name) => `Type the customer's name, ${name}, to confirm.`,
  deleteConfirmLabel: "Customer's name",
  deleteMismatch: 'The name does not match yet.',
  deleteConfirm: 'Delete',
  deleting: 'Deleting…',
  deleteFailed: 'The customer could not be deleted. Try again.',
  deleteStale: 'Someone changed this customer since you opened this page. Check the history, then delete again if you still mean to.',
  deleted: (name) => `${name} was deleted.`,

  historyHeading: 'History',
  historyLoading: 'Loading the history…',
  historyEmpty: 'No changes recorded yet.',
  historyFailed: 'Could not load the history.',
  showMore: 'Show more',
  change: (field, from, to) => `${field}: ${from} → ${to}`,
  set: (field, to) => `${field}: ${to}`,
  created: 'Customer created',
  actorApi: (name) => `${name} (API)`,
  actorSystem: 'System',
  yes: 'On',
  no: 'Off',
  allApps: 'All apps',
  inheritsOrigins: "none (inherits the partner's)",
  fields: {
    name: 'Name',
    notification_email: 'Notification email',
    external_id: 'External ID',
    origins: 'iframe origins',
    plan_id: 'Plan',
    in_trial: 'Trial',
    trial_ends_at: 'Trial end',
    app_access: 'App access',
  },
};
