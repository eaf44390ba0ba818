/**
 * The task pane page (dist/taskpane.html, production build) in Chinese, in Debian's Chromium with
 * the mocked Office host of officeMock.js whose display language is set per test: it starts in the
 * display language, fits a 320 px pane without horizontal scrolling, switches language from its
 * menu and remembers the choice across a reload, and writes the AMD preset in the pane's language.
 * With a CJK font installed (fc-list :lang=zh), it also writes docs/screenshots/taskpane-zh-TW.png.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { zhHans, zhHant } from '../../src/i18n';
import { buildSheetPlan, scenarioById } from '../../src/scenarios';
import { browserTestsEnabled, guardedPage, nonLocalRequests, startHarness, writeScreenshot } from './harness';
import type { GuardedPage, Harness } from './harness';

const OFFICE_MOCK = fs.readFileSync(path.join(__dirname, 'officeMock.js'), 'utf8');
const describeBrowser = browserTestsEnabled() ? describe : describe.skip;

/** Whether a font with Chinese glyphs is installed (else a screenshot would show empty boxes). */
function hasCjkFont(): boolean {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== '';
}

describeBrowser('task pane page in Chinese', () => {
  let harness: Harness;
  const opened: GuardedPage[] = [];

  beforeAll(async () => {
    harness = await startHarness();
  }, 600_000);

  afterAll(async () => {
    for (const guarded of opened) await guarded.context.close().catch(() => undefined);
    await harness?.close();
  });

  afterEach(() => {
    for (const guarded of opened.splice(0)) {
      expect(guarded.external).toEqual([]);
      expect(nonLocalRequests(harness, guarded)).toEqual([]);
      expect(guarded.errors).toEqual([]);
    }
  });

  async function openPane(displayLanguage: string): Promise<GuardedPage> {
    const guarded = await guardedPage(harness, {
      viewport: { width: 320, height: 720 },
      initScript: `${OFFICE_MOCK}\nwindow.Office.context.displayLanguage = ${JSON.stringify(displayLanguage)};`,
      office: { kind: 'script', body: '/* Office.js: the mocked host of test/browser/officeMock.js */' },
    });
    opened.push(guarded);
    await guarded.page.goto(`${harness.origin}/taskpane.html`, { waitUntil: 'load' });
    return guarded;
  }

  const statusIs = (guarded: GuardedPage, text: string) => guarded.page.waitForFunction((expected) => document.getElementById('deals-status')?.textContent === expected, text);

  test('zh-TW: 繁體中文 at 320 px without horizontal scrolling; the menu switches to 简体中文 and a reload keeps it', async () => {
    const guarded = await openPane('zh-TW');
    const { page } = guarded;
    await statusIs(guarded, zhHant['taskpane.ready']);
    expect(await page.getAttribute('#app', 'lang')).toBe('zh-Hant');
    expect(await page.textContent('#deals-preset-amd-title')).toBe(zhHant['amd.title']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    if (hasCjkFont()) {
      await page.mouse.move(0, 719);
      const file = writeScreenshot('taskpane-zh-TW.png', await page.screenshot({ animations: 'disabled', caret: 'hide' }));
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    } else {
      console.warn('No CJK font (fc-list :lang=zh is empty): docs/screenshots/taskpane-zh-TW.png not written; install fonts-noto-cjk.');
    }

    await page.selectOption('#deals-language', 'zh-Hans');
    await statusIs(guarded, zhHans['taskpane.ready']);
    expect(await page.getAttribute('#app', 'lang')).toBe('zh-Hans');
    await page.reload({ waitUntil: 'load' });
    await statusIs(guarded, zhHans['taskpane.ready']);
    expect(await page.inputValue('#deals-language')).toBe('zh-Hans');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  }, 120_000);

  test('zh-CN: the AMD preset is written in 简体中文, with the English formulas and names', async () => {
    const guarded = await openPane('zh-CN');
    const { page } = guarded;
    await statusIs(guarded, zhHans['taskpane.ready']);
    await page.click('#deals-preset-amd-load');
    await page.waitForFunction(() => document.getElementById('deals-status')?.dataset.tone === 'success');
    const plan = buildSheetPlan(scenarioById('amd'), zhHans);
    expect(await page.textContent('#deals-status')).toBe(zhHans['taskpane.loadedInto'].replace('{preset}', plan.title).replace('{sheet}', plan.sheetName));

    type Call = { kind: 'call' | 'set' | 'sync'; path?: string; args?: unknown[]; value?: unknown };
    const calls = (await page.evaluate(() => (window as unknown as { __officeMock: { calls: unknown[] } }).__officeMock.calls)) as Call[];
    expect(calls).toContainEqual({ kind: 'call', path: 'workbook.worksheets.add', args: ['AMD 认股权证'] });
    const matrix = calls.find((c) => c.kind === 'set' && c.path!.endsWith('.formulas'))!.value as unknown[][];
    expect(matrix[0][0]).toBe(zhHans['amd.title']);
    const english = buildSheetPlan(scenarioById('amd'));
    english.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell && typeof cell === 'object') expect([r, c, matrix[r][c]]).toEqual([r, c, cell.formula]);
      }),
    );
    const names = calls.filter((c) => c.kind === 'call' && c.path === 'workbook.names.add').map((c) => c.args![0]);
    expect(names).toEqual(english.names.map((n) => n.name));
  }, 120_000);
});
