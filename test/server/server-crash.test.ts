/**
 * Crash safety: the reference server runs as a child process on a SQLite file while several
 * clients write to it (creates with Idempotency-Keys, edits with If-Match); it is killed with
 * SIGKILL with writes in flight, then started again on the same file. The file must pass SQLite's
 * integrity and foreign-key checks and both search indexes' own checks, and every write the server
 * acknowledged before the kill must be there (a write in flight may or may not have applied, but
 * wholly or not at all, and retrying a create in flight with its key never makes two).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openDatabase } from '../../demo/server/db.js';
import { seedDatabase } from '../../demo/server/seed-data.js';

const TOKEN = 'crash-test-token';
const WRITERS = 6;
/** Acknowledged writes to wait for before the kill. */
const ACKS_BEFORE_KILL = 120;
const CHILD = join(import.meta.dirname, 'crash-server-process.ts');

let dir: string;
let file: string;
const children = new Set<ChildProcess>();

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'console-crash-'));
  file = join(dir, 'crash.sqlite');
  const db = openDatabase(file);
  seedDatabase(db, { seed: 3, count: 200 });
  db.close();
});
after(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the server process on the file; resolves with its URL once it listens. */
function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, TOKEN], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve({ child, url: (JSON.parse(line) as { url: string }).url }));
    child.once('exit', (code, signal) => reject(new Error(`the server process ended before listening (${code ?? signal})`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

interface Customer {
  id: number;
  name: string;
  version: number;
}

/** What one writer sent and what the server acknowledged. */
interface WriterLog {
  /** Creates answered 201, by key: the customer as answered. */
  created: Map<string, Customer>;
  /** The last acknowledged edit of each customer this writer edits. */
  edited: Map<number, Customer>;
  /** Names sent for each version of each edited customer (acknowledged or not). */
  sentNames: Map<string, string>;
  /** A create that was sent and never answered: its key and body, to retry after the restart. */
  pendingCreate: { key: string; body: string } | null;
}

describe('SIGKILL during writes, then a restart on the same file', () => {
  it('keeps the file intact and every acknowledged write', { timeout: 60_000 }, async () => {
    const first = await startChild();
    const api = `${first.url}/api`;
    const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
    let acks = 0;
    let inFlight = 0;
    let killed = false;
    let reachedAcks: () => void;
    const enoughAcks = new Promise<void>((resolve) => (reachedAcks = resolve));
    const ack = () => {
      if (++acks === ACKS_BEFORE_KILL) reachedAcks();
    };

    const logs: WriterLog[] = [];
    const writer = async (w: number) => {
      const log: WriterLog = { created: new Map(), edited: new Map(), sentNames: new Map(), pendingCreate: null };
      logs.push(log);
      // Each writer edits customers of its own, so its edits never meet another writer's (no 412).
      const mine = [1 + w, 1 + w + WRITERS];
      const versions = new Map(mine.map((id) => [id, 1]));
      for (let i = 0; !killed; i++) {
        inFlight++;
        try {
          if (i % 3 === 0) {
            const key = `w${w}-create-${i}`;
            const body = JSON.stringify({ name: `Crash W${w} N${i} end`, notification_email: `w${w}n${i}@crash.example`, plan_id: 'starter' });
            log.pendingCreate = { key, body };
            const response = await fetch(`${api}/customers`, { method: 'POST', headers: { ...headers, 'Idempotency-Key': key }, body });
            assert.equal(response.status, 201, await response.clone().text());
            log.created.set(key, (await response.json()) as Customer);
            log.pendingCreate = null;
          } else {
            const id = mine[i % 2]!;
            const version = versions.get(id)!;
            const name = `Edited W${w} C${id} V${version + 1} end`;
            log.sentNames.set(`${id}:${version + 1}`, name);
            const response = await fetch(`${api}/customers/${id}`, { method: 'PATCH', headers: { ...headers, 'If-Match': `"${version}"` }, body: JSON.stringify({ name }) });
            assert.equal(response.status, 200, await response.clone().text());
            const saved = (await response.json()) as Customer;
            versions.set(id, saved.version);
            log.edited.set(id, saved);
          }
          inFlight--;
          ack();
        } catch (error) {
          if (killed) return; // the connection died with the server: this write was never acknowledged
          throw error;
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await enoughAcks;
    killed = true;
    first.child.kill('SIGKILL');
    const inFlightAtKill = inFlight;
    await Promise.all(writers);
    await exited(first.child);
    assert.equal(first.child.signalCode, 'SIGKILL');
    assert.ok(acks >= ACKS_BEFORE_KILL);
    assert.ok(inFlightAtKill > 0, 'writes were in flight when the server was killed');

    const second = await startChild();
    const api2 = `${second.url}/api`;
    const get = async (path: string) => {
      const response = await fetch(`${api2}${path}`, { headers });
      assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
      return response.json();
    };

    for (const log of logs) {
      for (const created of log.created.values()) {
        assert.deepEqual(await get(`/customers/${created.id}`), created, `created customer ${created.id}`);
        // The search index has it too.
        const page = (await get(`/customers?q=${encodeURIComponent(created.name)}`)) as { items: Customer[] };
        assert.deepEqual(page.items.map((c) => c.id), [created.id]);
      }
      for (const [id, acknowledged] of log.edited) {
        const stored = (await get(`/customers/${id}`)) as Customer;
        // The edit in flight at the kill may have applied, wholly: one version on, with the name it sent.
        assert.ok(stored.version === acknowledged.version || stored.version === acknowledged.version + 1, `customer ${id}: version ${stored.version} after acknowledged ${acknowledged.version}`);
        assert.equal(stored.name, stored.version === acknowledged.version ? acknowledged.name : log.sentNames.get(`${id}:${stored.version}`));
        const page = (await get(`/customers?q=${encodeURIComponent(stored.name)}`)) as { items: Customer[] };
        assert.deepEqual(page.items.map((c) => c.id), [id]);
      }
      if (log.pendingCreate) {
        // Retrying the create that was in flight, with its key: whether or not it had applied, one customer.
        const { key, body } = log.pendingCreate;
        const retry = await fetch(`${api2}/customers`, { method: 'POST', headers: { ...headers, 'Idempotency-Key': key }, body });
        assert.equal(retry.status, 201, await retry.clone().text());
        const name = (JSON.parse(body) as { name: string }).name;
        const page = (await get(`/customers?q=${encodeURIComponent(name)}`)) as { total: number };
        assert.equal(page.total, 1, `${name} exists once`);
      }
    }

    second.child.kill('SIGTERM');
    await exited(second.child);
    const db = new Database(file);
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      assert.deepEqual(db.pragma('foreign_key_check'), []);
      // FTS5's own checks: the trigram index against the customers table, the pair index inside itself.
      db.exec("INSERT INTO customer_search (customer_search, rank) VALUES ('integrity-check', 1)");
      db.exec("INSERT INTO customer_grams (customer_grams) VALUES ('integrity-check')");
    } finally {
      db.close();
    }
  });
});
