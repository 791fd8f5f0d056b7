/** Every text `<customer-switch-button>` shows, so a partner can translate it with the `strings` property. */
export interface SwitchButtonStrings {
  button: string;
  /** Next to the button while the element checks whether the admin may switch. */
  checking: string;
  /** Next to the disabled button: who may switch. */
  notAllowed: string;
  /** Next to the button when the check itself failed. */
  checkFailed: string;
  retry: string;
  /** Next to the button while the backend prepares the account's URL. */
  opening: string;
  /** When switching failed without a problem to show (network, timeout). */
  switchFailed: string;
}

export const DEFAULT_SWITCH_BUTTON_STRINGS: SwitchButtonStrings = {
  button: 'Switch to this account',
  checking: 'Checking whether you can switch into this account…',
  notAllowed: 'Only customer managers and collaborators of this workspace can switch into it.',
  checkFailed: 'Could not check whether you can switch into this account.',
  retry: 'Retry',
  opening: 'Opening the account…',
  switchFailed: 'Could not open the account. Try again.',
};
