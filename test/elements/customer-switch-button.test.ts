import { expect, fixture, html } from '@open-wc/testing';
import '../../components/customer-switch-button/define.js';
import type { CustomerSwitchButton } from '../../components/customer-switch-button/define.js';
import { deepActiveElement } from '../../components/shared/deep-active-element.js';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import type { Backend } from '../../src/backend/backend.js';
import { HttpError, NetworkError } from '../../src/backend/errors.js';
import { DEMO_PARTNER } from '../../src/backend/generate.js';
import type { Partner } from '../../src/model/schemas.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { byRole } from '../support/by-role.js';
import { deferred, overriding } from '../support/backend-wrappers.js';
import { APPS, CUSTOMERS, NOW, PLANS } from '../support/customers.js';
import { expectFocusOn, expectRetryAgainFocused } from '../support/focus.js';
import { isSwitchDisabled, switchButton, switchDescription } from '../support/team-queries.js';
import { click, press } from '../support/user.js';
import { nextEvent, nextFrame, until } from '../support/wait.js';

const REASON = 'Only customer managers and collaborators of this workspace can switch into it.';

/** The demo partner, signed in as `email`. */
function partnerAs(email: string): Partner {
  return { ...DEMO_PARTNER, admin: { ...DEMO_PARTNER.admin, email } };
}

/**
 * A MemoryBackend whose signed-in admin is `email` (what /partner says), and whose server-side rule
 * checks `serverAdminEmail` (the same address unless a test makes the two disagree).
 */
function backendAs(email: string, serverAdminEmail = email): Backend {
  const backend = new MemoryBackend({ customers: CUSTOMERS, plans: PLANS, apps: APPS, now: () => NOW, partner: partnerAs(serverAdminEmail), adminEmail: serverAdminEmail });
  // MemoryBackend's /partner names the admin its rule checks; a disagreeing page is told another one.
  return email === serverAdminEmail ? backend : overriding(backend, { getPartner: async () => partnerAs(email) });
}

/** An address on customer 1's team (its first member, a customer manager). */
async function teamEmail(): Promise<string> {
  const team = await backendAs('nobody@partner.example').listCollaborators(1);
  return team[0]!.email;
}

async function switchFor(backend: unknown, customerId = 1): Promise<CustomerSwitchButton> {
  return fixture<CustomerSwitchButton>(html`<customer-switch-button .backend=${backend} customer-id=${customerId}></customer-switch-button>`);
}

const settled = (el: CustomerSwitchButton) => el.shadowRoot!.querySelector('[part~="button"]')?.getAttribute('aria-busy') === 'false';

describe('customer-switch-button', () => {
  it('lets a collaborator switch: the click fires customer-switch with the id and the URL, and no axe violations', async () => {
    const el = await switchFor(backendAs(await teamEmail()));
    await until(() => settled(el), 'the access check');
    expect(isSwitchDisabled(el)).to.equal(false);
    expect(switchDescription(el)).to.equal('');
    await expectNoAxeViolations(el);
    // The page opens the account its own way: it cancels the event, so nothing is opened here.
    el.addEventListener('customer-switch', (e) => e.preventDefault());
    const fired = nextEvent<CustomEvent<{ id: number; url: string }>>(el, 'customer-switch');
    await click(switchButton(el));
    const event = await fired;
    expect(event.detail).to.deep.equal({ id: 1, url: 'https://app.partner.example/switch/1' });
    expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
    expect(event.defaultPrevented).to.equal(true);
  });

  it('matches the admin’s address without case, as the rule does', async () => {
    const el = await switchFor(backendAs((await teamEmail()).toUpperCase()));
    await until(() => settled(el), 'the access check');
    expect(isSwitchDisabled(el)).to.equal(false);
  });

  it('works from the keyboard: Tab to the button, Enter switches', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <button>before</button>
      <customer-switch-button .backend=${backendAs(await teamEmail())} customer-id="1"></customer-switch-button>
    </div>`);
    const el = wrapper.querySelector('customer-switch-button')!;
    await until(() => settled(el), 'the access check');
    wrapper.querySelector('button')!.focus();
    await press('Tab');
    expectFocusOn(switchButton(el));
    el.addEventListener('customer-switch', (e) => e.preventDefault());
    const fired = nextEvent<CustomEvent<{ id: number; url: string }>>(el, 'customer-switch');
    await press('Enter');
    expect((await fired).detail.id).to.equal(1);
  });

  it('is disabled for an admin outside the team, with the reason as visible text that describes the button', async () => {
    const el = await switchFor(backendAs('someone.else@partner.example'));
    await until(() => settled(el), 'the access check');
    expect(isSwitchDisabled(el)).to.equal(true);
    expect(switchDescription(el)).to.equal(REASON);
    const reason = byRole(el.shadowRoot!, 'button', 'Switch to this account').nextElementSibling as HTMLElement;
    expect(reason.textContent!.trim()).to.equal(REASON);
    expect(reason.getBoundingClientRect().height, 'the reason is visible, not a tooltip').to.be.above(0);
    await expectNoAxeViolations(el);
    let fired = 0;
    el.addEventListener('customer-switch', () => fired++);
    await click(switchButton(el));
    await press('Enter');
    await nextFrame();
    expect(fired).to.equal(0);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('is disabled and busy while it checks, saying so, with no axe violations', async () => {
    const partner = deferred<Partner>();
    const el = await switchFor(overriding(backendAs('a@b.example'), { getPartner: () => partner.promise }));
    await el.updateComplete;
    expect(isSwitchDisabled(el)).to.equal(true);
    expect(switchButton(el).getAttribute('aria-busy')).to.equal('true');
    expect(switchDescription(el)).to.equal('Checking whether you can switch into this account…');
    await expectNoAxeViolations(el);
    partner.resolve(partnerAs(await teamEmail()));
    await until(() => settled(el), 'the access check');
    expect(isSwitchDisabled(el)).to.equal(false);
  });

  it('shows the server’s refusal (403) next to the button when it disagrees', async () => {
    // /partner names a team member, but the server checks another admin: it answers 403.
    const backend = backendAs(await teamEmail(), 'someone.else@partner.example');
    const refusal = await backend.switchToAccount(1).then(
      () => 'no refusal',
      (error: HttpError) => error.problem.detail,
    );
    const el = await switchFor(backend);
    await until(() => settled(el), 'the access check');
    let fired = 0;
    el.addEventListener('customer-switch', () => fired++);
    await click(switchButton(el));
    await until(() => el.shadowRoot!.querySelector('[role="alert"]') !== null, 'the refusal');
    expect(refusal).to.contain('may switch into its account');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim()).to.equal(refusal);
    expect(switchDescription(el)).to.equal(refusal);
    expect(fired).to.equal(0);
    await expectNoAxeViolations(el);
  });

  it('says switching failed when the request never got an answer, and switches on the next click', async () => {
    const inner = backendAs(await teamEmail());
    let calls = 0;
    const backend = overriding(inner, {
      switchToAccount: async (ref, options) => {
        calls++;
        if (calls === 1) throw new NetworkError('offline');
        return inner.switchToAccount(ref, options);
      },
    });
    const el = await switchFor(backend);
    await until(() => settled(el), 'the access check');
    await click(switchButton(el));
    await until(() => el.shadowRoot!.querySelector('[role="alert"]') !== null, 'the failure');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim()).to.equal('Could not open the account. Try again.');
    el.addEventListener('customer-switch', (e) => e.preventDefault());
    const fired = nextEvent<CustomEvent<{ id: number; url: string }>>(el, 'customer-switch');
    await click(switchButton(el));
    expect((await fired).detail.url).to.equal('https://app.partner.example/switch/1');
    await until(() => el.shadowRoot!.querySelector('[role="alert"]') === null, 'the failure gone');
  });

  it('says the check failed and checks again on Retry', async () => {
    const inner = backendAs(await teamEmail());
    let calls = 0;
    const backend = overriding(inner, {
      listCollaborators: async (ref, options) => {
        calls++;
        if (calls === 1) throw new NetworkError('offline');
        return inner.listCollaborators(ref, options);
      },
    });
    const el = await switchFor(backend);
    await until(() => switchDescription(el).startsWith('Could not check'), 'the failed check');
    expect(isSwitchDisabled(el)).to.equal(true);
    await expectNoAxeViolations(el);
    await click(byRole(el.shadowRoot!, 'button', 'Retry'));
    await until(() => settled(el) && !isSwitchDisabled(el), 'the check after Retry');
    expect(calls).to.equal(2);
  });

  it('after Retry by keyboard, focus waits on the switch button, and stays on it once the check allows switching', async () => {
    const inner = backendAs(await teamEmail());
    let calls = 0;
    const second = deferred<void>();
    const backend = overriding(inner, {
      listCollaborators: async (ref, options) => {
        calls++;
        if (calls === 1) throw new NetworkError('offline');
        await second.promise;
        return inner.listCollaborators(ref, options);
      },
    });
    const el = await switchFor(backend);
    await until(() => switchDescription(el).startsWith('Could not check'), 'the failed check');
    byRole(el.shadowRoot!, 'button', 'Retry').focus();
    await press('Enter');
    await until(() => deepActiveElement() === switchButton(el), 'focus on the switch button while checking');
    second.resolve();
    await until(() => settled(el) && !isSwitchDisabled(el), 'the check after Retry');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(switchButton(el));
  });

  it('after a Retry whose check fails again, focus is on the new Retry button', async () => {
    const inner = backendAs(await teamEmail());
    const backend = overriding(inner, {
      listCollaborators: async () => {
        throw new NetworkError('offline');
      },
    });
    const el = await switchFor(backend);
    await until(() => switchDescription(el).startsWith('Could not check'), 'the failed check');
    await expectRetryAgainFocused(el.shadowRoot!, byRole(el.shadowRoot!, 'button', 'Retry'));
  });

  it('checks again for another customer', async () => {
    const backend = backendAs(await teamEmail());
    const el = await switchFor(backend, 1);
    await until(() => settled(el) && !isSwitchDisabled(el), 'allowed for customer 1');
    el.customerId = 2;
    await until(() => settled(el) && isSwitchDisabled(el), 'not allowed for customer 2');
    expect(switchDescription(el)).to.equal(REASON);
  });
});
