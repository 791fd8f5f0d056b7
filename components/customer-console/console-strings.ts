/** Every text customer-console shows itself (the filters and the table have their own). */
export interface ConsoleStrings {
  title: string;
  addCustomer: string;
  addCustomerTitle: string;
  addCustomerLater: string;
  close: string;
  urlProblemsIntro: string;
  dismiss: string;
  noBackend: string;
}

export const DEFAULT_CONSOLE_STRINGS: ConsoleStrings = {
  title: 'Customers',
  addCustomer: 'Add customer',
  addCustomerTitle: 'Add customer',
  addCustomerLater:
    'Adding customers from the console comes in a later release. Until then, create customers through the API.',
  close: 'Close',
  urlProblemsIntro: 'Some filters in this link could not be used and were left out:',
  dismiss: 'Dismiss',
  noBackend: 'No backend configured: set the backend property or the api-base attribute.',
};
