/**
 * The reference server as a child process for the crash test (server-crash.test.ts): opens the
 * SQLite file named by argv[2] (already seeded), serves it on a random 127.0.0.1 port with the
 * admin token argv[3], and prints one line `{"url": ...}` once it listens. It never stops by itself
 * cleanly: the test kills it with SIGKILL mid-write, then starts it again on the same file (and
 * finally stops it with SIGTERM).
 */
import { openDatabase } from '../../demo/server/db.js';
import { startServer } from '../../demo/server/server.js';

const [file, token] = process.argv.slice(2);
if (!file || !token) throw new Error('usage: crash-server-process.ts <db file> <admin token>');
const db = openDatabase(file);
const server = await startServer({ db, adminToken: token, hostname: '127.0.0.1', port: 0 });
process.once('SIGTERM', () => {
  void server.close().then(() => {
    db.close();
    process.exit(0);
  });
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
