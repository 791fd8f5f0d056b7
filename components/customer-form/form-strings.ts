/**
 * Every text `<customer-form>` shows, so a partner can translate it with the `strings` property.
 * Functions take what varies (a limit, a server message) and return the sentence.
 */
export interface FormStrings {
  /** The form's accessible name. */
  formLabel: string;
  nameLabel: string;
  emailLabel: string;
  /** Under the notification email field. */
  emailHelp: string;
  planLabel: string;
  /** The plan list's empty first choice. */
  choosePlan: string;
  plansLoading: string;
  plansFailed: string;
  noPlans: string;
  retry: string;
  externalIdLabel: string;
  externalIdHelp: string;
  submit: string;
  /** The submit button's text while the customer is being added. */
  sending: string;
  nameRequired: string;
  /** `max` is already formatted for the locale. */
  tooLong: (max: string) => string;
  emailRequired: string;
  emailInvalid: string;
  planRequired: string;
  externalIdControlCharacters: string;
  /** A 409: the external ID belongs to another customer. */
  externalIdTaken: string;
  /** A server's message for one field (422), as it lands under that field. */
  serverFieldError: (message: string) => string;
  /** The request never got an answer; everything typed is kept. */
  networkFailed: string;
  /** Any other failure without a problem text of its own. */
  failed: string;
}

export const DEFAULT_FORM_STRINGS: FormStrings = {
  formLabel: 'Add customer',
  nameLabel: 'Customer name',
  emailLabel: 'Notification email',
  emailHelp: "Receives the notifications set under the account's notification settings.",
  planLabel: 'Plan',
  choosePlan: 'Choose a plan',
  plansLoading: 'Loading plans…',
  plansFailed: 'Could not load the plans.',
  noPlans: 'There are no plans to choose from yet.',
  retry: 'Retry',
  externalIdLabel: 'External ID (optional)',
  externalIdHelp: 'Your own key for this customer; API callers can address the customer by it.',
  submit: 'Add customer',
  sending: 'Adding customer…',
  nameRequired: "Enter the customer's name.",
  tooLong: (max) => `Use at most ${max} characters.`,
  emailRequired: 'Enter the email address that receives the notifications.',
  emailInvalid: 'Enter an email address such as name@example.com.',
  planRequired: 'Choose a plan.',
  externalIdControlCharacters: 'Remove tabs, line breaks and other control characters.',
  externalIdTaken: 'Another customer already has this external ID.',
  serverFieldError: (message) => {
    const sentence = message.charAt(0).toUpperCase() + message.slice(1);
    return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  },
  networkFailed: 'The server could not be reached, so the customer was not added yet. Everything you typed is kept: try again.',
  failed: 'The customer could not be added. Try again.',
};
