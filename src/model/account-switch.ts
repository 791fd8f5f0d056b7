/**
 * "Switch to this account" as a domain decision both backends make the same way: allowed when the
 * signed-in partner admin is on the customer's team (maySwitchToAccount, the rule the UI enables
 * its button with), otherwise a 403 whose detail an admin can act on.
 */
import type { CommandResult } from './commands.js';
import { problem } from './problems.js';
import { maySwitchToAccount } from './rules.js';
import type { Collaborator, Customer } from './schemas.js';

export function switchIntoAccount(
  customer: Pick<Customer, 'name'>,
  adminEmail: string,
  team: readonly Pick<Collaborator, 'email'>[],
  accountUrl: string,
): CommandResult<{ url: string }> {
  if (maySwitchToAccount(adminEmail, team)) return { ok: true, value: { url: accountUrl } };
  const detail =
    team.length === 0
      ? `“${customer.name}” has no team members yet, so nobody can switch into its account. Team members are added from inside the customer's account.`
      : `Only customer managers and collaborators of “${customer.name}” may switch into its account, and ${adminEmail} is not on its team. A customer manager can add you from inside the account.`;
  return { ok: false, problem: problem(403, 'Forbidden', detail) };
}
