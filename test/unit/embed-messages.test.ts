/**
 * The embed protocol's schemas and the console-side bridge, in Node with stand-in windows: which
 * messages get through, where the bridge posts, and to whom.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConsoleMessage, EMBED_CHANNEL, EMBED_PROTOCOL_VERSION, HostMessage, unwrap, wrap } from '../../src/embed/messages.js';
import { createBridge } from '../../src/embed/bridge.js';
import type { HostCommand } from '../../src/embed/messages.js';

const env = { channel: EMBED_CHANNEL, v: EMBED_PROTOCOL_VERSION };

describe('HostMessage', () => {
  const accepts = (message: unknown) => HostMessage.safeParse(message).success;

  it('accepts the three commands of version 1', () => {
    assert.ok(accepts({ ...env, type: 'navigate', route: 'customers/42/settings' }));
    assert.ok(accepts({ ...env, type: 'navigate', route: 'customers?q=acme&status=trial' }));
    assert.ok(accepts({ ...env, type: 'theme', properties: { '--customers-console-color-accent': '#5b3cc4', '--customers-console-font-family': 'system-ui, "Segoe UI", sans-serif' } }));
    assert.ok(accepts({ ...env, type: 'sign-out' }));
  });

  const refused: Array<[string, unknown]> = [
    ['another channel', { ...env, channel: 'other', type: 'sign-out' }],
    ['another version', { ...env, v: 2, type: 'sign-out' }],
    ['no envelope', { type: 'sign-out' }],
    ['an unknown type', { ...env, type: 'eval', code: '1' }],
    ['a string', 'sign-out'],
    ['null', null],
    ['a javascript: route', { ...env, type: 'navigate', route: 'javascript:alert(1)' }],
    ['a protocol-relative route', { ...env, type: 'navigate', route: '//evil.example/x' }],
    ['an absolute URL route', { ...env, type: 'navigate', route: 'https://evil.example/' }],
    ['markup in a route', { ...env, type: 'navigate', route: '<img src=x onerror=alert(1)>' }],
    ['a very long route', { ...env, type: 'navigate', route: 'a'.repeat(513) }],
    ['a theme property that is not custom', { ...env, type: 'theme', properties: { background: 'red' } }],
    ['a theme value that loads a URL', { ...env, type: 'theme', properties: { '--x': 'url(https://evil.example/track)' } }],
    ['a theme value with image-set', { ...env, type: 'theme', properties: { '--x': 'image-set("https://evil.example/a.png" 1x)' } }],
    ['a theme value that closes the declaration', { ...env, type: 'theme', properties: { '--x': 'red; background: blue' } }],
    ['a theme value with braces', { ...env, type: 'theme', properties: { '--x': '} body { display: none' } }],
  ];
  for (const [what, message] of refused) {
    it(`refuses ${what}`, () => assert.equal(accepts(message), false));
  }
});

describe('ConsoleMessage', () => {
  it('accepts the console events and refuses malformed ones', () => {
    assert.ok(ConsoleMessage.safeParse({ ...env, type: 'ready', route: 'customers', customer_id: 1 }).success);
    assert.ok(ConsoleMessage.safeParse({ ...env, type: 'resize', height: 640.5 }).success);
    assert.ok(ConsoleMessage.safeParse({ ...env, type: 'customer-select', customer_id: 7 }).success);
    assert.ok(ConsoleMessage.safeParse({ ...env, type: 'error', code: 'backend', message: 'x' }).success);
    assert.equal(ConsoleMessage.safeParse({ ...env, type: 'resize', height: -1 }).success, false);
    assert.equal(ConsoleMessage.safeParse({ ...env, type: 'resize', height: Number.POSITIVE_INFINITY }).success, false);
    assert.equal(ConsoleMessage.safeParse({ ...env, type: 'customer-select', customer_id: 0 }).success, false);
    assert.equal(ConsoleMessage.safeParse({ ...env, type: 'customer-select', customer_id: '7' }).success, false);
  });
  it('wrap and unwrap add and drop the envelope', () => {
    const wrapped = wrap({ type: 'resize' as const, height: 10 });
    assert.deepEqual(wrapped, { ...env, type: 'resize', height: 10 });
    assert.deepEqual(unwrap(wrapped), { type: 'resize', height: 10 });
  });
});

/** A stand-in for the console's window and its parent: enough of Window for the bridge. */
function windows() {
  const posted: Array<{ data: unknown; target: string }> = [];
  const parent = { postMessage: (data: unknown, target: string) => posted.push({ data, target }) };
  const console = Object.assign(new EventTarget(), { parent, scrollY: 0 });
  const deliver = (data: unknown, origin: string, source: unknown) =>
    console.dispatchEvent(Object.assign(new Event('message'), { data, origin, source }));
  return { posted, parent, console, deliver };
}

describe('createBridge', () => {
  const HOST = 'https://partner.example';

  it('posts to the exact session origin, never *', () => {
    const w = windows();
    const bridge = createBridge({ origin: 'HTTPS://Partner.Example:443', onCommand: () => {}, window: w.console as unknown as Window });
    bridge.send({ type: 'ready', route: 'customers', customer_id: 1 });
    assert.deepEqual(w.posted, [{ data: { ...env, type: 'ready', route: 'customers', customer_id: 1 }, target: HOST }]);
  });

  it('accepts a command only from its parent at the session origin, and only when it fits the schema', () => {
    const w = windows();
    const received: HostCommand[] = [];
    const bridge = createBridge({ origin: HOST, onCommand: (c) => received.push(c), window: w.console as unknown as Window });
    const navigate = { ...env, type: 'navigate', route: 'customers/1/settings' };
    w.deliver(navigate, 'https://evil.example', w.parent); // wrong origin
    w.deliver(navigate, HOST, {}); // right origin, another window
    w.deliver(navigate, HOST, null); // right origin, no source
    w.deliver(navigate, 'https://partner.example.evil.example', w.parent); // lookalike
    w.deliver(navigate, 'https://PARTNER.example', w.parent); // browsers never send this spelling: no normalising here
    w.deliver({ ...navigate, route: 'javascript:alert(1)' }, HOST, w.parent); // does not fit
    w.deliver({ ...navigate, v: 2 }, HOST, w.parent); // another version
    assert.deepEqual(received, []);
    w.deliver(navigate, HOST, w.parent);
    assert.deepEqual(received, [{ type: 'navigate', route: 'customers/1/settings' }]);
    bridge.destroy();
    w.deliver(navigate, HOST, w.parent);
    assert.equal(received.length, 1, 'nothing after destroy');
  });

  it('refuses to start with an origin that is not one', () => {
    const w = windows();
    for (const origin of ['*', 'null', 'https://partner.example/path', '']) {
      assert.throws(() => createBridge({ origin, onCommand: () => {}, window: w.console as unknown as Window }), /not a valid origin/);
    }
  });

  it('does not post when it is not framed', () => {
    const posted: unknown[] = [];
    const self = Object.assign(new EventTarget(), { scrollY: 0, postMessage: (d: unknown) => posted.push(d) }) as EventTarget & { parent?: unknown };
    self.parent = self;
    const bridge = createBridge({ origin: HOST, onCommand: () => {}, window: self as unknown as Window });
    assert.equal(bridge.framed, false);
    bridge.send({ type: 'resize', height: 10 });
    assert.deepEqual(posted, []);
  });
});
