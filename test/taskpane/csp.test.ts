/**
 * The task pane page's Content-Security-Policy (src/taskpane/taskpane.html) against the places
 * Office.js comes from: Microsoft serves it from appsforoffice.microsoft.com and, since its move,
 * from officeapis.public.onecdn.static.microsoft. The page must be able to load office.js from
 * each of them (script-src) and office.js must be able to fetch its further files from there
 * (connect-src), while nothing else outside the page's origin is allowed. CSP source matching
 * follows CSP Level 3 §6.7.2.7 for the source forms the page uses ('self', scheme://host).
 */
import * as fs from 'fs';
import * as path from 'path';

const HTML = fs.readFileSync(path.join(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');
const PAGE_ORIGIN = 'https://deals.example.com';

/** Where Microsoft publishes Office.js (the first is the one the page's <script> names). */
const OFFICE_JS_URLS = ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'https://officeapis.public.onecdn.static.microsoft/1/office.js'];

function policy(html: string): Record<string, string[]> {
  const meta = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"/i.exec(html);
  if (!meta) throw new Error('taskpane.html has no CSP meta element');
  return Object.fromEntries(
    meta[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

/** Whether a directive's source list allows a URL (the source forms the page uses, and `*.` hosts). */
function allows(sources: readonly string[], url: string): boolean {
  const target = new URL(url);
  return sources.some((source) => {
    if (source === "'self'") return target.origin === PAGE_ORIGIN;
    if (source.startsWith("'")) return false; // 'none', nonces, hashes: no URL
    const m = /^(https?):\/\/(\*\.)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(source);
    if (!m) return false;
    const [, scheme, wildcard, host, port, sourcePath] = m;
    if (target.protocol !== `${scheme}:`) return false;
    if (wildcard ? !target.hostname.endsWith(`.${host}`) : target.hostname !== host) return false;
    if ((port ?? '') !== target.port) return false;
    return !sourcePath || (sourcePath.endsWith('/') ? target.pathname.startsWith(sourcePath) : target.pathname === sourcePath);
  });
}

const csp = policy(HTML);
const directive = (name: string) => csp[name] ?? csp['default-src'] ?? [];

test('the page loads office.js from the first host with a plain, blocking <script>', () => {
  const scripts = [...HTML.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  expect(scripts).toEqual([OFFICE_JS_URLS[0]]);
});

test.each(OFFICE_JS_URLS)('office.js from %s is allowed as a script, and so are the files office.js loads beside it', (url) => {
  expect(allows(directive('script-src'), url)).toBe(true);
  expect(allows(directive('script-src'), new URL('en-us/office_strings.js', url).href)).toBe(true);
  expect(allows(directive('connect-src'), new URL('excel-web-16.00.js', url).href)).toBe(true);
});

test('nothing else outside the page origin is allowed to run or be fetched', () => {
  const hosts = OFFICE_JS_URLS.map((u) => new URL(u).origin);
  for (const name of ['script-src', 'connect-src', 'default-src', 'img-src', 'style-src']) {
    const outside = (csp[name] ?? []).filter((s) => /^https?:/.test(s) && !hosts.includes(s));
    expect([name, outside]).toEqual([name, []]);
  }
  expect(allows(directive('script-src'), 'https://evil.example/office.js')).toBe(false);
  expect(allows(directive('script-src'), 'http://appsforoffice.microsoft.com/lib/1/hosted/office.js')).toBe(false);
  expect(allows(directive('script-src'), `${PAGE_ORIGIN}/taskpane.js`)).toBe(true);
  expect(csp['script-src']).not.toContain("'unsafe-eval'");
  expect(csp['script-src']).not.toContain("'unsafe-inline'");
});

test('(control) the matcher refuses the new host when the policy lacks it', () => {
  const old = policy(HTML.replace(/ https:\/\/officeapis\.public\.onecdn\.static\.microsoft/g, ''));
  expect(allows(old['script-src'], OFFICE_JS_URLS[1])).toBe(false);
  expect(allows(old['script-src'], OFFICE_JS_URLS[0])).toBe(true);
});
