/**
 * Every text `<plan-settings>` shows, so a partner can translate it with the `strings` property.
 * Functions take what varies, already formatted for the element's locale (numbers, dates, plan
 * names), and return the sentence.
 */
export interface PlanSettingsStrings {
  planLabel: string;
  statusLabel: string;
  limitsLabel: string;
  usageLabel: string;
  /** The statuses, as the customer table shows them. */
  status: { active: string; trial: string; expired: string };
  limits: (tasks: string, connections: string) => string;
  usage: (tasks: string, connections: string) => string;
  /** A date within a day of now, with "today", "tomorrow" or "yesterday" (Intl) beside it. */
  dateWithDay: (date: string, day: string) => string;
  loading: string;
  loadFailed: string;
  retry: string;
  /** Why nothing can be changed: the `readonly` property (a framed, read-only session). */
  readonlySession: string;
  /** Why nothing can be changed: /partner says the admin lacks `manage_customers`. */
  noPermission: string;

  subscriptionHeading: string;
  plansLegend: string;
  /** Beside the plan the customer is on. */
  currentPlan: string;
  plansNote: string;
  /** What the chosen plan brings, before it is applied. */
  planPreview: (plan: string, limits: string) => string;
  /** Under the preview while a trial runs: the trial's task limit holds until it ends. */
  planPreviewInTrial: (tasks: string, date: string) => string;
  /** Under the preview for an expired customer: the plan makes it active again. */
  planPreviewReactivates: (plan: string) => string;
  overTasks: (used: string, limit: string) => string;
  overConnections: (used: string, limit: string) => string;
  /** Under the over-limit numbers in the preview. */
  overNote: string;
  applyPlan: string;
  discardPlan: string;
  /** The mark of a chosen plan that is not applied yet. */
  unsaved: string;
  /** Next to a busy button. */
  saving: string;
  planChanged: (plan: string, limits: string) => string;

  expiredSince: (date: string) => string;
  expiredFree: string;
  reactivate: string;

  trialHeading: string;
  trialNone: string;
  trialRunning: (date: string, tasks: string) => string;
  trialFallsToFree: (date: string) => string;
  enableTrial: string;
  enablePreview: (days: string, tasks: string, date: string) => string;
  extendTrial: string;
  extendPreview: (days: string, date: string) => string;
  endTrial: string;
  endPreview: (plan: string, limits: string) => string;
  /** End trial for a trial on the Free plan: there is no subscription to fall back on. */
  endPreviewOnFree: string;
  trialEnabled: (date: string, tasks: string) => string;
  trialExtended: (date: string) => string;
  trialEndedBySubscription: (plan: string) => string;
  trialEndedOnFree: string;

  conflictTitle: string;
  /** A change less than a minute old, where a relative time would say "now". */
  justNow: string;
  /** Who made the other change, by the kind of actor history names. */
  actor: { admin: string; api: string; system: string };
  /** `when` is a relative time ("2 minutes ago"), or '' when the backend kept no history of it. */
  conflictPlan: (who: string, plan: string, when: string) => string;
  conflictTrialStarted: (who: string, date: string, when: string) => string;
  conflictTrialExtended: (who: string, date: string, when: string) => string;
  conflictTrialEnded: (who: string, when: string) => string;
  conflictOther: (who: string, when: string) => string;
  conflictNow: (plan: string, status: string) => string;
  conflictYourChoice: (choice: string) => string;
  /** The other change already did what this admin chose. */
  conflictSame: string;
  choiceTrialOn: (date: string) => string;
  choiceTrialExtend: (date: string) => string;
  choiceTrialOff: string;
  conflictApply: string;
  conflictKeep: string;
  keptTheirs: string;
  conflictLoadFailed: string;

  failedPlan: string;
  failedTrial: string;
  /** The request never got an answer. */
  networkFailed: string;
  keptChoice: string;
  tryAgain: string;
  dismiss: string;

  confirmPlanTitle: (plan: string) => string;
  confirmTrialTitle: string;
  confirmIntro: string;
  confirmPlan: (plan: string) => string;
  confirmTrial: string;
  cancel: string;
}

export const DEFAULT_PLAN_SETTINGS_STRINGS: PlanSettingsStrings = {
  planLabel: 'Plan',
  statusLabel: 'Status',
  limitsLabel: 'Limits',
  usageLabel: 'Used this period',
  status: { active: 'Active', trial: 'In trial', expired: 'Expired subscription' },
  limits: (tasks, connections) => `${tasks} tasks a month, ${connections} connections`,
  usage: (tasks, connections) => `${tasks} tasks, ${connections} connections`,
  dateWithDay: (date, day) => `${day}, ${date}`,
  loading: 'Loading plans…',
  loadFailed: 'Could not load the plans and your permissions.',
  retry: 'Retry',
  readonlySession: 'This session is read-only: the plan and trial are shown but cannot be changed here.',
  noPermission: 'Your admin account does not have the permission to manage customers, so the plan and trial cannot be changed.',

  subscriptionHeading: 'Subscription',
  plansLegend: 'Plan',
  currentPlan: 'current',
  plansNote: 'These are your plans as they are set up for your account. Adding or removing plans is not done here.',
  planPreview: (plan, limits) => `${plan} brings ${limits}.`,
  planPreviewInTrial: (tasks, date) => `While the trial runs (until ${date}), tasks stay limited to ${tasks} a month.`,
  planPreviewReactivates: (plan) => `The subscription becomes active again, on ${plan}.`,
  overTasks: (used, limit) => `${used} tasks used this period, the new limit is ${limit}.`,
  overConnections: (used, limit) => `${used} connections in use, the new limit is ${limit}.`,
  overNote: 'Current usage is over the new limit: you will be asked to confirm.',
  applyPlan: 'Change plan',
  discardPlan: 'Discard',
  unsaved: 'Not applied yet',
  saving: 'Saving…',
  planChanged: (plan, limits) => `The plan is now ${plan}: ${limits}.`,

  expiredSince: (date) => `On the Free plan since ${date}, when its trial ended.`,
  expiredFree: 'On the Free plan.',
  reactivate: 'To reactivate the account, choose a plan under Subscription, or enable the trial again and then choose a plan.',

  trialHeading: 'Trial',
  trialNone: 'No trial is running.',
  trialRunning: (date, tasks) => `In trial until ${date}, with a limit of ${tasks} tasks a month.`,
  trialFallsToFree: (date) => `The account falls to the Free plan automatically when the trial ends: ${date}.`,
  enableTrial: 'Enable trial',
  enablePreview: (days, tasks, date) =>
    `Enabling gives ${days} days at ${tasks} tasks a month: the trial would end on ${date}, and the account then falls to the Free plan unless the trial is ended once the customer subscribes.`,
  extendTrial: 'Extend trial',
  extendPreview: (days, date) => `Extending adds ${days} days: the trial would end on ${date}.`,
  endTrial: 'End trial',
  endPreview: (plan, limits) =>
    `Once the customer has subscribed, ending the trial places it in an active subscription on ${plan} (${limits}).`,
  endPreviewOnFree: 'This trial runs on the Free plan: choose the plan the customer subscribed to under Subscription first, or ending the trial leaves the account expired on Free.',
  trialEnabled: (date, tasks) => `The trial is on until ${date}, at ${tasks} tasks a month.`,
  trialExtended: (date) => `The trial now ends on ${date}.`,
  trialEndedBySubscription: (plan) => `The trial has ended: the subscription is active on ${plan}.`,
  trialEndedOnFree: 'The trial has ended: the account is on the Free plan.',

  conflictTitle: 'Someone else changed this customer',
  justNow: 'moments ago',
  actor: { admin: 'Another admin', api: 'An API call', system: 'The system' },
  conflictPlan: (who, plan, when) => `${who} changed the plan to ${plan}${when ? ` ${when}` : ''}.`,
  conflictTrialStarted: (who, date, when) => `${who} enabled the trial until ${date}${when ? ` ${when}` : ''}.`,
  conflictTrialExtended: (who, date, when) => `${who} extended the trial to ${date}${when ? ` ${when}` : ''}.`,
  conflictTrialEnded: (who, when) => `${who} ended the trial${when ? ` ${when}` : ''}.`,
  conflictOther: (who, when) => `${who} changed other details of this customer${when ? ` ${when}` : ''}; its plan and trial are as you saw them.`,
  conflictNow: (plan, status) => `Now: ${plan}, ${status}.`,
  conflictYourChoice: (choice) => `Your choice, not applied: ${choice}.`,
  conflictSame: 'That is what you chose, so there is nothing more to apply.',
  choiceTrialOn: (date) => `enable the trial, until ${date}`,
  choiceTrialExtend: (date) => `extend the trial, to ${date}`,
  choiceTrialOff: 'end the trial',
  conflictApply: 'Apply my choice',
  conflictKeep: 'Keep theirs',
  keptTheirs: 'Kept the other change; yours was not applied.',
  conflictLoadFailed: 'Someone else changed this customer, and its current state could not be loaded.',

  failedPlan: 'The plan was not changed.',
  failedTrial: 'The trial was not changed.',
  networkFailed: 'The server could not be reached.',
  keptChoice: 'Your choice is kept.',
  tryAgain: 'Try again',
  dismiss: 'Dismiss',

  confirmPlanTitle: (plan) => `Change to ${plan}?`,
  confirmTrialTitle: 'Enable the trial?',
  confirmIntro: 'This customer already uses more than the new limits allow:',
  confirmPlan: (plan) => `Change to ${plan}`,
  confirmTrial: 'Enable trial',
  cancel: 'Cancel',
};
