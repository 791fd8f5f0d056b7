/**
 * `npx customers-console-contract`: runs the contract checks (checks.ts) against a partner's own
 * backend over HTTP and prints each check and a summary; exit code 0 when every check that ran
 * passed, 1 when one failed, 2 for a usage error. Node only (process, exit codes): the one file of
 * src/contract that does not run in a browser. Built into dist/contract-cli.js by
 * scripts/build-contract.ts.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseCustomerPathSegment, type CustomerRef } from '../backend/backend.js';
import { formatOutcome, httpTarget, runChecks } from './checks.js';

const USAGE = `Usage: customers-console-contract --base-url <api base> [--token <token>] [--write --scratch-customer <id>]

Checks that a backend serves the customers console contract (the OpenAPI document shipped as
customers-console/openapi.json). Read-only checks run by default.

  --base-url <url>          the API base the elements are given, e.g. https://api.partner.example/v1
  --token <token>           the partner admin's bearer token (or set CUSTOMERS_CONSOLE_TOKEN)
  --write                   also run the checks that change data: they need --scratch-customer
  --scratch-customer <id>   a customer the writing checks may change (User ID, or E<external ID>);
                            they restore its name, plan and app access, leave its trial disabled,
                            and create and delete one customer of their own
  --timeout-ms <ms>         per request (default 15000)
  -h, --help                this text`;

export async function main(argv: readonly string[], env: Record<string, string | undefined> = process.env, out: (line: string) => void = console.log): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        write: { type: 'boolean', default: false },
        'scratch-customer': { type: 'string' },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    out(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const baseUrl = values['base-url'];
  const token = values.token ?? env.CUSTOMERS_CONSOLE_TOKEN;
  const usage = (message: string) => (out(`${message}\n\n${USAGE}`), 2);
  if (!baseUrl || !/^https?:\/\//.test(baseUrl)) return usage('--base-url must be an http(s) URL.');
  if (!token) return usage('Give the admin token with --token or CUSTOMERS_CONSOLE_TOKEN.');
  let scratchCustomer: CustomerRef | undefined;
  if (values['scratch-customer'] !== undefined) {
    scratchCustomer = parseCustomerPathSegment(values['scratch-customer']) ?? undefined;
    if (scratchCustomer === undefined) return usage('--scratch-customer must be a User ID or E followed by an external ID.');
  }
  if (values.write && scratchCustomer === undefined) return usage('--write needs --scratch-customer <id>: the writing checks change that customer.');
  const timeoutMs = values['timeout-ms'] === undefined ? undefined : Number(values['timeout-ms']);
  if (timeoutMs !== undefined && !(timeoutMs > 0)) return usage('--timeout-ms must be a positive number.');

  out(`Checking ${baseUrl} against the customers console contract${values.write ? ' (writing checks included)' : ' (read-only)'}\n`);
  const report = await runChecks(
    httpTarget({ baseUrl, token, ...(scratchCustomer !== undefined ? { scratchCustomer } : {}), ...(timeoutMs ? { timeoutMs } : {}) }),
    { write: values.write, onOutcome: (outcome) => out(formatOutcome(outcome)) },
  );
  out(`\n${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`);
  return report.failed > 0 ? 1 : 0;
}

/** Whether this module is the program (node dist/contract-cli.js, the npm bin's symlink to it, tsx src/contract/cli.ts). */
function isProgram(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isProgram()) process.exitCode = await main(process.argv.slice(2));
