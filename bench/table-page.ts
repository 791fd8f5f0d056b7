/**
 * The page bench/table.bench.mjs drives: 100k generated customers into a real <customer-table>,
 * timed from inside the page. Each step is a function on `window.tableBench` so the driver can put
 * real input (a mouse click) between them.
 */
import '../components/customer-table/define.js';
import type { CustomerTable } from '../components/customer-table/define.js';
import { DEMO_PLANS, generateApps, generateCustomers } from '../src/backend/generate.js';
import type { Customer } from '../src/model/schemas.js';
import { createCustomerIndex } from '../src/query/customer-index.js';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const table = document.querySelector('customer-table') as CustomerTable;
table.now = NOW;
table.apps = generateApps();
table.plans = [...DEMO_PLANS];

const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

/** Resolves after the next frame is painted: rAF runs before paint, a message task after it. */
function nextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

/** Long tasks overlapping [from, to]: a task that began before `from` (the one that sets the data) counts too. */
function longestTaskBetween(from: number, to: number): { count: number; longest: number } {
  const inside = longTasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  return { count: inside.length, longest: Math.max(0, ...inside.map((t) => t.duration)) };
}

function domCounts(): { rows: number; elements: number; nodes: number; comments: number; rowElements: number; rowNodes: number } {
  const root = table.shadowRoot!;
  let elements = 1; // the host
  let nodes = 1;
  let comments = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  while (walker.nextNode()) {
    nodes++;
    if (walker.currentNode.nodeType === Node.ELEMENT_NODE) elements++;
    else if (walker.currentNode.nodeType === Node.COMMENT_NODE) comments++;
  }
  // One data row, itself and what is inside it (the first row: a customer with apps at the top of the bench's list).
  const row = root.querySelector('.body-row');
  let rowElements = 0;
  let rowNodes = 0;
  if (row) {
    rowElements = 1;
    rowNodes = 1;
    const inRow = document.createTreeWalker(row, NodeFilter.SHOW_ALL);
    while (inRow.nextNode()) {
      rowNodes++;
      if (inRow.currentNode.nodeType === Node.ELEMENT_NODE) rowElements++;
    }
  }
  return { rows: root.querySelectorAll('[role="row"]').length - 1, elements, nodes, comments, rowElements, rowNodes };
}

let customers: Customer[] = [];
/** When the admin pressed the mouse button: sort time counts from there, not from the click event. */
let lastClick = 0;
addEventListener(
  'pointerdown',
  (e) => {
    lastClick = e.timeStamp;
    performance.mark('pointerdown'); // for the trace: where a sort click's work starts
  },
  { capture: true },
);

const tableBench = {
  generate(count: number): number {
    const start = performance.now();
    customers = generateCustomers({ seed: 1, count, anchor: NOW });
    return performance.now() - start;
  },
  /** What indexing alone costs (the table does the same on its own copy of the work below). */
  indexMs(): number {
    const start = performance.now();
    createCustomerIndex(customers);
    return performance.now() - start;
  },
  /**
   * Data set → first painted rows; then the long tasks of the `settleMs` after the data was set
   * (whatever the table does after its first paint: indexing, preparing sort orders).
   */
  async load(settleMs = 0): Promise<{ ms: number; longest: number; settleCount: number; settleLongest: number }> {
    await nextPaint();
    // Set from a task of the page itself: work inside the driver's evaluate call is not reported as a long task.
    const start = await new Promise<number>((resolve) =>
      setTimeout(() => {
        const at = performance.now();
        performance.mark('data-set'); // for the trace: where the first paint's work starts
        table.customers = customers;
        resolve(at);
      }),
    );
    await table.updateComplete;
    const painted = await nextPaint();
    if (table.shadowRoot!.querySelectorAll('.body-row').length === 0) throw new Error('no rows painted');
    await new Promise((r) => setTimeout(r, Math.max(100, start + settleMs - performance.now()))); // long-task entries are delivered after the task
    const settled = longestTaskBetween(start, start + settleMs);
    return { ms: painted - start, longest: longestTaskBetween(start, painted).longest, settleCount: settled.count, settleLongest: settled.longest };
  },
  /** Long tasks in a quiet period after loading (the idle-time sort preparation runs here). */
  async idle(ms: number): Promise<{ count: number; longest: number }> {
    const start = performance.now();
    await new Promise((r) => setTimeout(r, ms));
    return longestTaskBetween(start, performance.now());
  },
  domCounts,
  headerCenter(column: string): [number, number] {
    const r = table.shadowRoot!.querySelector(`[role="columnheader"][data-column="${column}"]`)!.getBoundingClientRect();
    return [r.x + r.width / 2, r.y + r.height / 2];
  },
  /** Arms a listener: resolves with click → next paint after the table re-rendered with the new sort. */
  armSort(): void {
    (window as unknown as { sortDone: Promise<{ ms: number; sort: string; first: string }> }).sortDone = new Promise((resolve) => {
      table.addEventListener(
        'sort-change',
        async (event) => {
          const clickedAt = lastClick;
          await table.updateComplete;
          const painted = await nextPaint();
          const first = table.shadowRoot!.querySelector('.body-row [part="name"]')?.textContent ?? '';
          resolve({ ms: painted - clickedAt, sort: `${event.detail.sort.key} ${event.detail.sort.dir}`, first });
        },
        { once: true },
      );
    });
  },
  /**
   * Scrolls down `step` px per frame from the top, to the bottom or for `maxFrames` frames; the
   * longest task and the largest DOM on the way.
   */
  async scroll(step: number, maxFrames = Infinity, burst = 0): Promise<{ frames: number; ms: number; longest: number; longTasks: number; maxNodes: number; maxRows: number }> {
    const scroller = table.shadowRoot!.querySelector('.scroller') as HTMLElement;
    scroller.scrollTop = 0;
    await nextPaint();
    const start = performance.now();
    // Marks every `burst` frames, so a trace can split the scroll into bursts (blink.user_timing).
    if (burst > 0) performance.mark('burst');
    let frames = 0;
    let maxNodes = 0;
    let maxRows = 0;
    while (frames < maxFrames && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
      scroller.scrollTop += step;
      await nextPaint();
      frames++;
      if (burst > 0 && frames % burst === 0) performance.mark('burst');
      if (frames % 10 === 0) {
        const counts = domCounts();
        maxNodes = Math.max(maxNodes, counts.nodes);
        maxRows = Math.max(maxRows, counts.rows);
      }
    }
    const end = performance.now();
    if (burst > 0 && frames % burst !== 0) performance.mark('burst');
    const lastRow = table.shadowRoot!.querySelector('.body-row:last-child')?.getAttribute('aria-rowindex');
    if (frames < maxFrames && lastRow !== String(customers.length + 1)) throw new Error(`the bottom shows row ${lastRow}, expected ${customers.length + 1}`);
    const { count, longest } = longestTaskBetween(start, end);
    return { frames, ms: end - start, longest, longTasks: count, maxNodes, maxRows };
  },
};


(window as unknown as { tableBench: typeof tableBench }).tableBench = tableBench;
