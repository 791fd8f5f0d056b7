/**
 * The demo's framed console page: what `customers-console/frame` gives a partner that hosts the
 * page itself. The reference server injects the embed session it opened into this page.
 */
import { readFramedSession, startFramedConsole } from '../../frame.js';

const root = document.getElementById('console')!;
const session = readFramedSession(document);
if (session) {
  startFramedConsole(root, session);
} else {
  const text = document.createElement('p');
  text.textContent = 'This page opens through /embed/console with an embed token from the partner.';
  root.replaceChildren(text);
}
