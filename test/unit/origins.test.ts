import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_ORIGINS,
  effectiveOrigins,
  formatOriginList,
  isLoopbackHost,
  isOriginAllowed,
  normaliseOrigin,
  parseOriginList,
} from '../../src/embed/origins.js';

const ALLOWED = ['https://partner.com', 'https://app.customer.io:8443', 'http://localhost:5173', 'https://xn--mnchen-3ya.de'];

/** [origin as a browser or attacker presents it, whether it may frame, why]. */
const HOSTILE_CORPUS: ReadonlyArray<readonly [string, boolean, string]> = [
  // the real ones, and harmless spellings of them
  ['https://partner.com', true, 'exact'],
  ['https://PARTNER.COM', true, 'host case does not matter'],
  ['HTTPS://Partner.Com', true, 'scheme case does not matter'],
  ['https://partner.com:443', true, 'default port dropped'],
  ['https://partner.com/', true, 'bare trailing slash'],
  ['https://partner.com.', true, 'fully qualified DNS name is the same host'],
  ['https://app.customer.io:8443', true, 'explicit non-default port'],
  ['http://localhost:5173', true, 'loopback over http'],
  ['https://münchen.de', true, 'IDN equals its punycode'],
  // lookalike suffixes and prefixes
  ['https://partner.com.evil.com', false, 'partner.com as a subdomain of evil.com'],
  ['https://evilpartner.com', false, 'suffix match would allow this'],
  ['https://evil-partner.com', false, 'hyphenated prefix'],
  ['https://partner.co', false, 'truncated TLD'],
  ['https://partner.com.au', false, 'extra TLD'],
  ['https://partner.comm', false, 'extended TLD'],
  ['https://www.partner.com', false, 'subdomain is another origin'],
  ['https://sub.partner.com', false, 'subdomain is another origin'],
  ['https://partnercom', false, 'dot removed'],
  ['https://partner-com.evil.com', false, 'dot replaced'],
  ['https://app.customer.io.evil.com:8443', false, 'suffix with the right port'],
  ['https://customer.io:8443', false, 'parent domain'],
  ['https://partner.com..', false, 'two trailing dots'],
  ['https://.partner.com', false, 'leading dot'],
  // user info
  ['https://partner.com@evil.com', false, 'partner.com is user info, host is evil.com'],
  ['https://user:pass@partner.com', false, 'user info on the right host'],
  ['https://evil.com@partner.com', false, 'user info on the right host'],
  ['https://partner.com:443@evil.com', false, 'user info that looks like a port'],
  // other ports and schemes
  ['https://partner.com:8443', false, 'other port'],
  ['https://partner.com:0', false, 'port zero'],
  ['https://partner.com:99999', false, 'port out of range'],
  ['http://partner.com', false, 'http is another scheme'],
  ['http://partner.com:443', false, 'http on 443'],
  ['https://localhost:5173', false, 'https vs http on loopback'],
  ['http://localhost:5174', false, 'other loopback port'],
  ['http://127.0.0.1:5173', false, 'loopback IP is not the name localhost'],
  ['wss://partner.com', false, 'websocket scheme'],
  ['ftp://partner.com', false, 'ftp scheme'],
  ['file://partner.com', false, 'file scheme'],
  ['file:///etc/passwd', false, 'file URL'],
  ['javascript:alert(1)//https://partner.com', false, 'javascript URL'],
  ['data:text/html,https://partner.com', false, 'data URL'],
  ['blob:https://partner.com/1234', false, 'blob URL carries an origin but is not one'],
  ['chrome-extension://partner.com', false, 'extension scheme'],
  // paths, queries, fragments
  ['https://partner.com/evil', false, 'path'],
  ['https://partner.com?x=1', false, 'query'],
  ['https://partner.com#frag', false, 'fragment'],
  ['https://evil.com/https://partner.com', false, 'allowed origin in the path'],
  ['https://evil.com?https://partner.com', false, 'allowed origin in the query'],
  ['https://evil.com#https://partner.com', false, 'allowed origin in the fragment'],
  // mangled syntax that the URL parser would quietly repair
  ['https:partner.com', false, 'no slashes'],
  ['https:/partner.com', false, 'one slash'],
  ['https:///partner.com', false, 'three slashes'],
  ['https:\\\\partner.com', false, 'backslashes'],
  ['https://par%74ner.com', false, 'percent-encoded host'],
  ['partner.com', false, 'no scheme'],
  ['//partner.com', false, 'scheme-relative'],
  // unicode lookalikes
  ['https://pаrtner.com', false, 'Cyrillic a'],
  ['https://partner.cοm', false, 'Greek omicron'],
  ['https://partnеr.com', false, 'Cyrillic e'],
  ['https://xn--prtner-3nf.com', false, 'punycode of the Cyrillic lookalike'],
  ['https://partner\u200b.com', false, 'zero-width space'],
  ['https://part\u202ener.com', false, 'bidi override'],
  ['https://mu\u0308nchen.de', true, 'combining umlaut is normalised by IDNA to the listed host'],
  // whitespace and controls
  [' https://partner.com', false, 'leading space'],
  ['https://partner.com ', false, 'trailing space'],
  ['https://partner.com\n', false, 'trailing newline'],
  ['\thttps://partner.com', false, 'leading tab'],
  ['https://partner.com\u0000', false, 'trailing NUL'],
  ['https://partner .com', false, 'inner space'],
  // null and wildcards
  ['null', false, 'opaque origin'],
  ['NULL', false, 'opaque origin, upper case'],
  ['', false, 'empty'],
  ['*', false, 'wildcard'],
  ['https://*.partner.com', false, 'wildcard subdomain'],
  ['https://partner.com:*', false, 'wildcard port'],
];

describe('isOriginAllowed: hostile corpus', () => {
  it('has at least 50 hostile cases', () => {
    assert.ok(HOSTILE_CORPUS.filter(([, allowed]) => !allowed).length >= 50);
  });
  for (const [origin, expected, why] of HOSTILE_CORPUS) {
    it(`${JSON.stringify(origin)} → ${expected ? 'allowed' : 'refused'} (${why})`, () => {
      assert.equal(isOriginAllowed(origin, ALLOWED), expected);
    });
  }
  it('never matches against a list that holds only invalid entries', () => {
    const junk = ['*', 'null', 'https://*.partner.com', 'partner.com', 'https://partner.com/path'];
    for (const origin of ['https://partner.com', 'null', '*', 'https://x.partner.com']) {
      assert.equal(isOriginAllowed(origin, junk), false, origin);
    }
  });
  it('refuses everything against an empty list', () => {
    assert.equal(isOriginAllowed('https://partner.com', []), false);
  });
});

describe('normaliseOrigin', () => {
  it('returns scheme://host[:port] with lower-case host, punycode, no default port, no trailing dot', () => {
    assert.deepEqual(normaliseOrigin('HTTPS://App.Partner.COM:443/'), { ok: true, origin: 'https://app.partner.com' });
    assert.deepEqual(normaliseOrigin('https://münchen.de.'), { ok: true, origin: 'https://xn--mnchen-3ya.de' });
    assert.deepEqual(normaliseOrigin('http://127.0.0.2:8080'), { ok: true, origin: 'http://127.0.0.2:8080' });
    assert.deepEqual(normaliseOrigin('http://[::1]:3000'), { ok: true, origin: 'http://[::1]:3000' });
    assert.deepEqual(normaliseOrigin('http://localhost:80'), { ok: true, origin: 'http://localhost' });
  });
  it("refuses hosts that are neither DNS names nor IP literals, though the URL parser lets them through", () => {
    for (const text of ["https://a$'b.example", 'https://a$&b.example', "https://o'brien.example", 'https://a_b.example', 'https://a!b.example', 'https://-a.example']) {
      assert.deepEqual(normaliseOrigin(text), { ok: false, reason: 'not-url' }, text);
    }
    assert.deepEqual(normaliseOrigin('https://[::1]:8443'), { ok: true, origin: 'https://[::1]:8443' });
    assert.deepEqual(normaliseOrigin('https://a-b.xn--mnchen-3ya.de'), { ok: true, origin: 'https://a-b.xn--mnchen-3ya.de' });
  });

  it('turns other IPv4 spellings of loopback into dotted decimal', () => {
    assert.deepEqual(normaliseOrigin('http://0x7f.1:81'), { ok: true, origin: 'http://127.0.0.1:81' });
  });
  it('names the reason for each kind of refusal', () => {
    const reasons: Array<[string, string]> = [
      ['', 'empty'],
      [' https://a.com', 'whitespace'],
      ['null', 'null'],
      ['https://*.a.com', 'wildcard'],
      ['a.com', 'missing-scheme'],
      ['javascript:alert(1)', 'scheme'],
      ['https:a.com', 'not-url'],
      ['https://a%2ecom', 'encoded'],
      ['https://u@a.com', 'user-info'],
      ['https://a.com/x', 'path'],
      ['https://a.com:0', 'port'],
      ['http://a.com', 'insecure'],
    ];
    for (const [text, reason] of reasons) {
      assert.deepEqual(normaliseOrigin(text), { ok: false, reason }, text);
    }
  });
});

describe('isLoopbackHost', () => {
  it('knows localhost, 127/8 and ::1, and nothing that merely starts like them', () => {
    for (const host of ['localhost', '127.0.0.1', '127.0.0.2', '127.255.255.254', '[::1]']) assert.ok(isLoopbackHost(host), host);
    for (const host of ['localhost.evil.com', '127.0.0.1.evil.com', 'evil.localhost', '128.0.0.1', '10.0.0.1']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });
});

describe('parseOriginList', () => {
  it('splits on commas and new lines, trims, skips blanks, normalises', () => {
    assert.deepEqual(parseOriginList(' https://A.com ,\nhttps://b.com:443\r\n\n, http://localhost:3000 ,'), {
      origins: ['https://a.com', 'https://b.com', 'http://localhost:3000'],
      rejected: [],
    });
  });
  it('returns nothing for empty text (the customer then inherits the partner list)', () => {
    assert.deepEqual(parseOriginList('  \n , '), { origins: [], rejected: [] });
  });
  it('rejects each bad entry with a message that names it and says why, keeping the good ones', () => {
    const result = parseOriginList(
      'https://good.com, https://good.com/app, https://u:p@good.com, https://*.good.com, null, http://good.com, good.com, not a url, ftp://good.com',
    );
    assert.deepEqual(result.origins, ['https://good.com']);
    assert.deepEqual(
      result.rejected.map((r) => [r.entry, r.reason]),
      [
        ['https://good.com/app', 'path'],
        ['https://u:p@good.com', 'user-info'],
        ['https://*.good.com', 'wildcard'],
        ['null', 'null'],
        ['http://good.com', 'insecure'],
        ['good.com', 'missing-scheme'],
        ['not a url', 'whitespace'],
        ['ftp://good.com', 'scheme'],
      ],
    );
    for (const r of result.rejected) assert.ok(r.message.includes(`"${r.entry}"`), r.message);
    assert.match(result.rejected[0]!.message, /path/);
    assert.match(result.rejected[1]!.message, /user info/);
    assert.match(result.rejected[2]!.message, /wildcard/);
    assert.match(result.rejected[4]!.message, /https/);
  });
  it('reports a duplicate after normalisation, naming the repeated spelling', () => {
    const result = parseOriginList('https://a.com\nHTTPS://A.COM:443');
    assert.deepEqual(result.origins, ['https://a.com']);
    assert.deepEqual(result.rejected, [
      { entry: 'HTTPS://A.COM:443', reason: 'duplicate', message: '"HTTPS://A.COM:443" is listed twice.' },
    ]);
  });
  it(`keeps at most ${MAX_ORIGINS} origins and reports the rest`, () => {
    const text = Array.from({ length: MAX_ORIGINS + 2 }, (_, i) => `https://s${i}.example.com`).join(',');
    const result = parseOriginList(text);
    assert.equal(result.origins.length, MAX_ORIGINS);
    assert.deepEqual(
      result.rejected.map((r) => r.reason),
      ['too-many', 'too-many'],
    );
  });
  it('round-trips through formatOriginList', () => {
    const origins = ['https://a.com', 'http://localhost:3000'];
    assert.deepEqual(parseOriginList(formatOriginList(origins)).origins, origins);
  });
});

describe('effectiveOrigins', () => {
  const partner = { origins: ['https://partner.com', 'https://admin.partner.com'] };
  it("uses the customer's own list when it has entries", () => {
    assert.deepEqual(effectiveOrigins({ origins: ['https://Customer.io'] }, partner), {
      origins: ['https://customer.io'],
      source: 'customer',
    });
  });
  it("inherits the partner's list when the customer's is empty", () => {
    assert.deepEqual(effectiveOrigins({ origins: [] }, partner), {
      origins: ['https://partner.com', 'https://admin.partner.com'],
      source: 'partner',
    });
  });
  it("does not fall back to the partner's list when the customer's holds only invalid entries", () => {
    assert.deepEqual(effectiveOrigins({ origins: ['*', 'null'] }, partner), { origins: [], source: 'customer' });
    assert.equal(isOriginAllowed('https://partner.com', effectiveOrigins({ origins: ['*'] }, partner).origins), false);
  });
  it('a customer list does not add to the partner list: partner origins may not frame that customer', () => {
    const own = effectiveOrigins({ origins: ['https://customer.io'] }, partner);
    assert.equal(isOriginAllowed('https://partner.com', own.origins), false);
  });
});
