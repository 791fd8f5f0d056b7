import { expect, fixture, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { sendMouse } from '@web/test-runner-commands';
import '../../components/customer-dashboard/define.js';
import { backendContext } from '../../components/shared/backend-context.js';
import { DEFAULT_DASHBOARD_STRINGS, type CustomerDashboard, type DashboardPeriod } from '../../components/customer-dashboard/define.js';
import type { Backend, CallOptions } from '../../src/backend/backend.js';
import { HttpError, problem } from '../../src/backend/errors.js';
import type { DashboardStats } from '../../src/model/schemas.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { accessibleName, allByPart, allByRole, byPart, byRole } from '../support/by-role.js';
import { CUSTOMERS, NOW, memoryBackend } from '../support/customers.js';
import { expectFocusOn } from '../support/focus.js';
import { click, press } from '../support/user.js';
import { nextEvent, until } from '../support/wait.js';
import { shownText } from '../support/text.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const POINTS: Record<DashboardPeriod, number> = { '1d': 24, '7d': 7, '30d': 30, '90d': 90 };

/**
 * A dashboard whose figures say which period they answer: the period's point count decides every
 * number, so a test can tell a 30-day answer from a 90-day one by what the element shows.
 */
function makeStats(period: DashboardPeriod, fields: Partial<DashboardStats> = {}): DashboardStats {
  const count = POINTS[period];
  const step = period === '1d' ? HOUR_MS : DAY_MS;
  const last = Math.floor(NOW.getTime() / step) * step;
  const series = Array.from({ length: count }, (_, i) => ({
    at: new Date(last - (count - 1 - i) * step).toISOString(),
    successful_jobs: 1000 + i * 10 + count,
    failed_jobs: i % 4,
  }));
  return {
    period,
    recipes: 12,
    active_recipes: count,
    successful_jobs: series.reduce((sum, p) => sum + p.successful_jobs, 0),
    failed_jobs: series.reduce((sum, p) => sum + p.failed_jobs, 0),
    series,
    top_failing_recipes: [
      { id: 1, name: 'Sync <b>orders</b> to ledger', running: true, successful_jobs: 900, failed_jobs: 40 },
      { id: 2, name: 'Nightly export', running: false, successful_jobs: 120, failed_jobs: 7 },
    ],
    ...fields,
  };
}

interface Request {
  customerId: number;
  period: DashboardPeriod;
  signal: AbortSignal | undefined;
  resolve: (stats: DashboardStats) => void;
  reject: (error: unknown) => void;
}

/** A backend whose dashboard answers only when the test says so, in any order. */
class ControlledBackend {
  readonly requests: Request[] = [];
  getDashboard(customerId: number, period: DashboardPeriod, options?: CallOptions): Promise<DashboardStats> {
    return new Promise((resolve, reject) => this.requests.push({ customerId, period, signal: options?.signal, resolve, reject }));
  }
  last(): Request {
    return this.requests[this.requests.length - 1]!;
  }
  asBackend(): Backend {
    return this as unknown as Backend;
  }
}

/** A backend that answers every period at once with `makeStats` (or what `answer` gives). */
function answering(answer: (period: DashboardPeriod) => DashboardStats = (p) => makeStats(p)): Backend {
  return { getDashboard: async (_id: number, period: DashboardPeriod) => answer(period) } as unknown as Backend;
}

async function mount(backend: Backend, attrs: { period?: DashboardPeriod; lang?: string; dir?: string } = {}): Promise<CustomerDashboard> {
  const host = await fixture<HTMLDivElement>(html`<div lang=${attrs.lang ?? 'en'} dir=${attrs.dir ?? 'ltr'} style="inline-size: 800px">
    <customer-dashboard customer-id="4676" period=${attrs.period ?? '7d'} .backend=${backend} .now=${NOW}></customer-dashboard>
  </div>`);
  const el = host.querySelector('customer-dashboard')!;
  await el.updateComplete;
  return el;
}

const root = (el: CustomerDashboard) => el.shadowRoot!;
const loaded = (el: CustomerDashboard) => root(el).querySelector('[part~="body"][aria-busy="false"], [part~="message"]') !== null;
const radio = (el: CustomerDashboard, name: string) => byRole(root(el), 'radio', name);
const checkedPeriod = (el: CustomerDashboard) => accessibleName(root(el).querySelector('[role="radio"][aria-checked="true"]')!);
/** The figures as the admin reads them: label → value. */
function figures(el: CustomerDashboard): Record<string, string> {
  return Object.fromEntries(
    allByPart(root(el), 'stat').map((stat) => [stat.querySelector('dt')!.textContent!.trim(), stat.querySelector('.value')!.textContent!.trim()]),
  );
}
const bars = (el: CustomerDashboard) => allByRole(root(el), 'img');
const tableToggle = (el: CustomerDashboard) => byRole(root(el), 'button', 'Show as table');
const tooltip = (el: CustomerDashboard) => root(el).querySelector<HTMLElement>('[part~="tooltip"]');
const text = shownText;

async function untilLoaded(el: CustomerDashboard): Promise<void> {
  await until(() => loaded(el), 'the dashboard to load');
}

describe('customer-dashboard', () => {
  it('shows the figures of the period: active recipes, jobs, and success and error rates as percentages', async () => {
    const stats = makeStats('7d', { recipes: 9, active_recipes: 7, successful_jobs: 1950, failed_jobs: 50 });
    const el = await mount(answering(() => stats));
    await untilLoaded(el);
    expect(figures(el)).to.deep.equal({
      'Active recipes': '7',
      'Successful jobs': '1,950',
      'Failed jobs': '50',
      'Success rate': '97.5%',
      'Error rate': '2.5%',
    });
    expect(text(allByPart(root(el), 'stat')[0]!)).to.contain('of 9 recipes in all');
    expect(text(root(el).querySelector('figcaption'))).to.equal('Jobs per day · Last 7 days');
    await expectNoAxeViolations(el);
  });

  it('lists the recipes failing most, names as text, stopped ones tagged in words', async () => {
    const el = await mount(answering());
    await untilLoaded(el);
    const recipes = allByPart(root(el), 'recipe').map(text);
    expect(recipes).to.deep.equal(['Sync <b>orders</b> to ledger 40 failed · 900 successful', 'Nightly export Stopped 7 failed · 120 successful']);
    expect(root(el).querySelector('[part~="recipe"] b')).to.equal(null);
  });

  it('formats numbers, percentages and dates for the lang of an ancestor', async () => {
    const stats = makeStats('7d', { successful_jobs: 12_345, failed_jobs: 655 });
    const el = await mount(answering(() => stats), { lang: 'de' });
    await untilLoaded(el);
    expect(figures(el)['Successful jobs']).to.equal('12.345');
    expect(figures(el)['Success rate']).to.equal('95\u00a0%');
    expect(accessibleName(bars(el).at(-1)!)).to.match(/^Fr\., 27\. Nov\. \(so far\): 1\.067 successful, 2 failed$/);
  });

  describe('period', () => {
    it('is a radio group: a click chooses a period, fires period-change, reflects it and loads it', async () => {
      const backend = new ControlledBackend();
      const el = await mount(backend.asBackend());
      expect(backend.last().period).to.equal('7d');
      expect(backend.last().customerId).to.equal(4676);
      backend.last().resolve(makeStats('7d'));
      await untilLoaded(el);

      const changed = nextEvent<CustomEvent<{ period: DashboardPeriod }>>(el, 'period-change');
      await click(radio(el, 'Last 30 days'));
      expect((await changed).detail).to.deep.equal({ period: '30d' });
      await el.updateComplete;
      expect(el.period).to.equal('30d');
      expect(el.getAttribute('period')).to.equal('30d');
      expect(checkedPeriod(el)).to.equal('Last 30 days');
      expect(backend.last().period).to.equal('30d');
      backend.last().resolve(makeStats('30d'));
      await untilLoaded(el);
      expect(figures(el)['Active recipes']).to.equal('30');
      expect(bars(el)).to.have.length(30);
    });

    it('moves and chooses with the arrow keys, Home and End, wrapping, focus following', async () => {
      const el = await mount(answering());
      await untilLoaded(el);
      radio(el, 'Last 7 days').focus();
      const seen: DashboardPeriod[] = [];
      el.addEventListener('period-change', (e) => seen.push(e.detail.period));
      await press('ArrowRight');
      await el.updateComplete;
      expect(checkedPeriod(el)).to.equal('Last 30 days');
      expectFocusOn(radio(el, 'Last 30 days'));
      await press('End');
      await el.updateComplete;
      expectFocusOn(radio(el, 'Last 90 days'));
      await press('ArrowRight');
      await el.updateComplete;
      expectFocusOn(radio(el, 'Last day'));
      await press('ArrowLeft');
      await el.updateComplete;
      expectFocusOn(radio(el, 'Last 90 days'));
      await press('Home');
      await el.updateComplete;
      expectFocusOn(radio(el, 'Last day'));
      expect(seen).to.deep.equal(['30d', '90d', '1d', '90d', '1d']);
      expect(allByRole(root(el), 'radio').filter((r) => r.tabIndex === 0)).to.have.length(1);
    });

    it('mirrors the arrow keys right-to-left: ArrowLeft goes to the next period', async () => {
      const el = await mount(answering(), { dir: 'rtl', lang: 'ar' });
      await untilLoaded(el);
      radio(el, 'Last 7 days').focus();
      await press('ArrowLeft');
      await el.updateComplete;
      expect(el.period).to.equal('30d');
      expectFocusOn(radio(el, 'Last 30 days'));
    });

    it('lets the newest period win when answers come out of order, and aborts the older request', async () => {
      const backend = new ControlledBackend();
      const el = await mount(backend.asBackend());
      backend.last().resolve(makeStats('7d'));
      await untilLoaded(el);

      await click(radio(el, 'Last 30 days'));
      const thirty = backend.last();
      await click(radio(el, 'Last 90 days'));
      const ninety = backend.last();
      expect([thirty.period, ninety.period]).to.deep.equal(['30d', '90d']);
      expect(thirty.signal?.aborted, 'the 30-day request is aborted').to.equal(true);
      expect(ninety.signal?.aborted).to.equal(false);

      // The newer answer first, then the older one: the older must not replace it.
      ninety.resolve(makeStats('90d'));
      await untilLoaded(el);
      thirty.resolve(makeStats('30d'));
      await el.updateComplete;
      await Promise.resolve();
      await el.updateComplete;
      expect(figures(el)['Active recipes']).to.equal('90');
      expect(bars(el)).to.have.length(90);
    });

    it('keeps loading while only the older answer has come, then shows the newer one', async () => {
      const backend = new ControlledBackend();
      const el = await mount(backend.asBackend());
      backend.last().resolve(makeStats('7d'));
      await untilLoaded(el);
      await click(radio(el, 'Last day'));
      const day = backend.last();
      await click(radio(el, 'Last 30 days'));
      const thirty = backend.last();

      day.resolve(makeStats('1d'));
      await el.updateComplete;
      await Promise.resolve();
      await el.updateComplete;
      expect(loaded(el), 'the stale 1-day answer is not shown').to.equal(false);
      expect(byRole(root(el), 'status').textContent).to.equal('Loading the dashboard…');

      thirty.resolve(makeStats('30d'));
      await untilLoaded(el);
      expect(figures(el)['Active recipes']).to.equal('30');
      expect(root(el).querySelector('figcaption')!.textContent).to.equal('Jobs per day · Last 30 days');
    });

    it('shows hourly bars for the last day, the running hour marked so far', async () => {
      const el = await mount(answering(), { period: '1d' });
      await untilLoaded(el);
      expect(bars(el)).to.have.length(24);
      expect(text(root(el).querySelector('figcaption'))).to.equal('Jobs per hour · Last day');
      expect(accessibleName(bars(el).at(-1)!)).to.match(/\(so far\): /);
      expect(accessibleName(bars(el).at(-2)!)).not.to.match(/so far/);
    });
  });

  describe('chart', () => {
    it('puts a table toggle before the chart, and the table holds the numbers each bar is named with', async () => {
      const stats = makeStats('30d');
      const el = await mount(answering(() => stats), { period: '30d' });
      await untilLoaded(el);
      const figure = root(el).querySelector('figure')!;
      const svg = figure.querySelector('svg')!;
      expect(tableToggle(el).compareDocumentPosition(svg) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      const barNames = bars(el).map(accessibleName);
      expect(barNames).to.have.length(30);

      await click(tableToggle(el));
      await el.updateComplete;
      expect(tableToggle(el).getAttribute('aria-pressed')).to.equal('true');
      const table = figure.querySelector('table')!;
      expect([...table.querySelectorAll('thead th')].map(text)).to.deep.equal(['Day', 'Successful jobs', 'Failed jobs']);
      const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map(text));
      expect(rows).to.have.length(30);
      expect(rows.map(([time, ok, failed]) => DEFAULT_DASHBOARD_STRINGS.barLabel(time!, ok!, failed!))).to.deep.equal(barNames);
      // …and both are the backend's figures.
      expect(rows.map((row) => [row[1], row[2]])).to.deep.equal(
        stats.series.map((p) => [p.successful_jobs.toLocaleString('en'), String(p.failed_jobs)]),
      );
      await expectNoAxeViolations(el);

      await press('Enter'); // the toggle keeps focus after the click; Enter switches back
      await el.updateComplete;
      expect(figure.querySelector('table')).to.equal(null);
      expect(figure.querySelector('svg')).to.not.equal(null);
    });

    it('is one Tab stop; arrow keys move between bars and the tooltip shows the focused bar', async () => {
      const stats = makeStats('7d');
      const el = await mount(answering(() => stats));
      await untilLoaded(el);
      tableToggle(el).focus();
      await press('Tab');
      const newest = bars(el).at(-1)!;
      expectFocusOn(newest);
      await el.updateComplete;
      expect(text(tooltip(el))).to.equal(`Fri, Nov 27 (so far) Successful jobs 1,067 Failed jobs 2`);

      await press('ArrowLeft');
      await el.updateComplete;
      expectFocusOn(bars(el).at(-2)!);
      expect(text(tooltip(el))).to.equal('Thu, Nov 26 Successful jobs 1,057 Failed jobs 1');
      expect(accessibleName(bars(el).at(-2)!)).to.equal('Thu, Nov 26: 1,057 successful, 1 failed');
      await press('Home');
      await el.updateComplete;
      expectFocusOn(bars(el)[0]!);
      expect(text(tooltip(el))).to.contain('Sat, Nov 21');
      expect(bars(el).filter((b) => b.tabIndex === 0)).to.deep.equal([bars(el)[0]]);

      await press('Tab');
      await el.updateComplete;
      expect(tooltip(el), 'the tooltip goes with focus').to.equal(null);
    });

    it('shows a bar’s figures on hover', async () => {
      const el = await mount(answering());
      await untilLoaded(el);
      const bar = bars(el)[2]!.querySelector('.hit')!;
      const box = bar.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await until(() => tooltip(el) !== null, 'the tooltip');
      expect(text(tooltip(el))).to.equal('Mon, Nov 23 Successful jobs 1,027 Failed jobs 2');
      await sendMouse({ type: 'move', position: [1, 1] });
      await until(() => tooltip(el) === null, 'the tooltip to go');
    });

    it('hatches failures and names both series in a text legend, so colour is not the only signal', async () => {
      const el = await mount(answering());
      await untilLoaded(el);
      expect(text(byPart(root(el), 'legend'))).to.equal('Successful jobs Failed jobs');
      const failed = root(el).querySelector('.bar .failed')!;
      expect(failed.getAttribute('fill')).to.equal('url(#hatch)');
      expect(root(el).querySelector('pattern#hatch line')).to.not.equal(null);
    });

    it('runs time from right to left right-to-left: the oldest bar is at the right, ArrowRight goes back in time', async () => {
      const el = await mount(answering(), { dir: 'rtl', lang: 'ar' });
      await untilLoaded(el);
      const [oldest, , newest] = [bars(el)[0]!, null, bars(el).at(-1)!];
      expect(oldest.getBoundingClientRect().left).to.be.greaterThan(newest.getBoundingClientRect().left);
      newest.focus();
      await press('ArrowRight');
      expectFocusOn(bars(el).at(-2)!);
      await expectNoAxeViolations(el);
    });
  });

  describe('states', () => {
    it('shows a skeleton while loading and says so to screen readers', async () => {
      const backend = new ControlledBackend();
      const el = await mount(backend.asBackend());
      expect(byRole(root(el), 'status').textContent).to.equal('Loading the dashboard…');
      expect(allByPart(root(el), 'skeleton').length).to.be.greaterThan(0);
      expect(root(el).querySelector('[part~="body"]')!.getAttribute('aria-busy')).to.equal('true');
      await expectNoAxeViolations(el);
    });

    it('says a customer with no recipes has none and what a recipe is, instead of a chart of zeros', async () => {
      const empty = makeStats('7d', { recipes: 0, active_recipes: 0, successful_jobs: 0, failed_jobs: 0, top_failing_recipes: [] });
      empty.series = empty.series.map((p) => ({ ...p, successful_jobs: 0, failed_jobs: 0 }));
      const el = await mount(answering(() => empty));
      await untilLoaded(el);
      const message = byPart(root(el), 'message');
      expect(text(message)).to.contain('No recipes yet');
      expect(text(message)).to.contain('A recipe is an automated workflow');
      expect(root(el).querySelector('svg, figure, [part~="stats"]')).to.equal(null);
      await expectNoAxeViolations(el);
    });

    it('shows "No jobs" for the rates when recipes exist but no job ran', async () => {
      const quiet = makeStats('7d', { successful_jobs: 0, failed_jobs: 0, top_failing_recipes: [] });
      const el = await mount(answering(() => quiet));
      await untilLoaded(el);
      expect(figures(el)['Success rate']).to.equal('No jobs');
      expect(text(byPart(root(el), 'top-failing'))).to.contain('No job failed in this period.');
    });

    it('says what failed, and Retry asks again', async () => {
      const backend = new ControlledBackend();
      const el = await mount(backend.asBackend());
      backend.last().reject(new HttpError(problem(503, 'Service Unavailable', 'The dashboard service is down.')));
      await until(() => root(el).querySelector('[role="alert"]') !== null, 'the error');
      const alert = byRole(root(el), 'alert');
      expect(text(alert)).to.contain('The dashboard could not be loaded.');
      expect(text(alert)).to.contain('The dashboard service is down.');
      await expectNoAxeViolations(el);

      await click(byRole(alert, 'button', 'Retry'));
      expect(backend.requests).to.have.length(2);
      expectFocusOn(radio(el, 'Last 7 days')); // not lost with the button
      expect(backend.last().period).to.equal('7d');
      backend.last().resolve(makeStats('7d'));
      await untilLoaded(el);
      expect(figures(el)['Active recipes']).to.equal('7');
    });

    it('has no axe violations in the dark theme', async () => {
      const el = await mount(answering());
      el.setAttribute('data-theme', 'dark');
      await untilLoaded(el);
      await expectNoAxeViolations(el);
    });

    it('takes partial strings, a nested group included', async () => {
      const el = await mount(answering());
      el.strings = { periods: { '7d': '7 Tage' }, retry: 'Erneut' };
      await untilLoaded(el);
      expect(allByRole(root(el), 'radio').map(accessibleName)).to.deep.equal(['Last day', '7 Tage', 'Last 30 days', 'Last 90 days']);
      expect(text(root(el).querySelector('figcaption'))).to.equal('Jobs per day · 7 Tage');
    });

    it('uses the backend an ancestor provides through backendContext when it has none of its own', async () => {
      class DashboardBackendProvider extends HTMLElement {
        provider = new ContextProvider(this, { context: backendContext, initialValue: memoryBackend() });
      }
      if (!customElements.get('dashboard-backend-provider')) customElements.define('dashboard-backend-provider', DashboardBackendProvider);
      const expected = await memoryBackend().getDashboard(CUSTOMERS[0]!.id, '30d');
      const wrapper = await fixture<HTMLElement>(html`<dashboard-backend-provider lang="en">
        <customer-dashboard customer-id=${CUSTOMERS[0]!.id} period="30d" .now=${NOW}></customer-dashboard>
      </dashboard-backend-provider>`);
      const el = wrapper.querySelector('customer-dashboard')!;
      await until(() => loaded(el), 'the dashboard from the provided backend');
      if (expected.recipes === 0) {
        expect(byPart(root(el), 'message').textContent).to.contain('No recipes yet');
      } else {
        expect(figures(el)['Successful jobs']).to.equal(expected.successful_jobs.toLocaleString('en'));
        expect(bars(el)).to.have.length(expected.series.length);
      }
    });

    it('asks nothing without a customer, and loads once customer-id is set', async () => {
      const backend = new ControlledBackend();
      const host = await fixture<HTMLDivElement>(html`<div lang="en"><customer-dashboard .backend=${backend.asBackend()}></customer-dashboard></div>`);
      const el = host.querySelector('customer-dashboard')!;
      await el.updateComplete;
      expect(backend.requests).to.have.length(0);
      el.setAttribute('customer-id', '12');
      await el.updateComplete;
      expect(backend.last().customerId).to.equal(12);
      expect(backend.last().period).to.equal('7d');
    });
  });
});
