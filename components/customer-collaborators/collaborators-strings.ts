/** Every text `<customer-collaborators>` shows, so a partner can translate it with the `strings` property. */
export interface CollaboratorsStrings {
  /** The table's caption. */
  caption: string;
  columnName: string;
  columnEmail: string;
  columnRole: string;
  /** The tag next to a customer manager's name. */
  managerTag: string;
  /** Under the team: where new members come from. */
  addedInAccount: string;
  loading: string;
  empty: string;
  loadFailed: string;
  retry: string;
}

export const DEFAULT_COLLABORATORS_STRINGS: CollaboratorsStrings = {
  caption: 'Team members',
  columnName: 'Name',
  columnEmail: 'Email',
  columnRole: 'Role',
  managerTag: 'Customer manager',
  addedInAccount: "More team members are added from inside the customer's account.",
  loading: 'Loading the team…',
  empty: 'This workspace has no team members yet.',
  loadFailed: 'Could not load the team.',
  retry: 'Retry',
};
