/**
 * The task pane page (dist/taskpane.html, production build) in Chinese, in Debian's Chromium with
 * the mocked Office host of officeMock.js whose display language is set per test: it starts in the
 * display language, fits a 320 px pane without horizontal scrolling, switches language from its
 * menu and remembers the choice across a reload, and writes the AMD preset in the pane's language.
 * With a CJK font installed (fc-list :lang=zh), it also writes the screenshot taskpane-zh-TW.png
 * (into .run/screenshots, or docs/screenshots with `npm run screenshots`; see harness.ts).
 *
 * The workbench (dist/workbench.html) in Chinese: `?lang=zh-TW` and `?lang=zh-CN` load the AMD
 * preset with Chinese labels and the English page's named values, the headers fit their columns
 * (docs/screenshots/workbench-amd-zh-TW.png, -zh-CN.png with a CJK font); the language menu
 * switches an English page with an edited input to 繁體中文, keeping the edit and its values.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { en, zhHans, zhHant } from '../../src/i18n';
import type { Messages } from '../../src/i18n';
import { buildSheetPlan, scenarioById } from '../../src/scenarios';
import { browserTestsEnabled, engineIdle, guardedPage, harnessForSuite, SCREENSHOTS, writeScreenshot } from './harness';
import type { GuardedPage } from './harness';

const OFFICE_MOCK = fs.readFileSync(path.join(__dirname, 'officeMock.js'), 'utf8');
const describeBrowser = browserTestsEnabled() ? describe : describe.skip;

/** Whether a font with Chinese glyphs is installed (else a screenshot would show empty boxes). */
function hasCjkFont(): boolean {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== '';
}

describeBrowser('task pane page in Chinese', () => {
  const session = harnessForSuite();


  async function openPane(displayLanguage: string): Promise<GuardedPage> {
    const guarded = await guardedPage(session.harness, {
      viewport: { width: 320, height: 720 },
      initScript: `${OFFICE_MOCK}\nwindow.Office.context.displayLanguage = ${JSON.stringify(displayLanguage)};`,
      office: { kind: 'script', body: '/* Office.js: the mocked host of test/browser/officeMock.js */' },
    });
    session.opened.push(guarded);
    await guarded.page.goto(`${session.harness.origin}/taskpane.html`, { waitUntil: 'load' });
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
      console.warn(`No CJK font (fc-list :lang=zh is empty): ${path.join(SCREENSHOTS, 'taskpane-zh-TW.png')} not written; install fonts-noto-cjk.`);
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

describeBrowser('workbench page in Chinese', () => {
  const session = harnessForSuite();
  const HAN = /\p{Script=Han}/u;


  /** The workbench at `query` (the harness's browser says en-US), ready. */
  async function openWorkbench(query: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
    const guarded = await guardedPage(session.harness, { viewport });
    session.opened.push(guarded);
    await guarded.page.goto(`${session.harness.origin}/workbench.html${query}`, { waitUntil: 'load' });
    await guarded.page.waitForSelector('#workbench[data-ready="true"]');
    return guarded.page;
  }

  /** Loads the AMD preset from the pane and waits for its sheet's tab. */
  async function loadAmd(page: Page, messages: Messages): Promise<void> {
    await page.click('#deals-preset-amd-load');
    await page.waitForFunction(() => document.getElementById('deals-status')?.dataset.tone === 'success');
    const plan = buildSheetPlan(scenarioById('amd'), messages);
    expect(await page.textContent('#deals-status')).toBe(messages['taskpane.loadedInto'].replace('{preset}', plan.title).replace('{sheet}', plan.sheetName));
    await page.waitForSelector(`#wb-tabs [role="tab"][aria-selected="true"][data-sheet="${plan.sheetName}"]`);
    await page.waitForFunction(() => !document.querySelector('.preset-list')?.hasAttribute('aria-busy'));
    await engineIdle(page);
  }

  /** The named-outputs panel: name, raw value and label of each. */
  const namedOutputs = async (page: Page) => {
    await engineIdle(page);
    return page.locator('#wb-names [data-name]').evaluateAll((items) =>
      items.map((item) => ({
        name: (item as HTMLElement).dataset.name!,
        value: item.querySelector('.wb-name-value')?.getAttribute('data-value') ?? '',
        text: item.querySelector('.wb-name-value')?.textContent ?? '',
        label: item.textContent ?? '',
      })),
    );
  };
  const cellText = async (page: Page, address: string) => {
    await engineIdle(page);
    return (await page.locator(`#wb-grid td[data-address="${address}"]`).textContent()) ?? '';
  };

  /** Text cells whose text is cut by the next filled cell or by the cell's own box (a wrapped header taller than its row). */
  const clippedHeaders = (page: Page) =>
    page.locator('#wb-grid td.wb-wrap').evaluateAll((cells) =>
      cells.filter((td) => td.scrollWidth > td.clientWidth + 1 || td.scrollHeight > td.clientHeight + 1).map((td) => `${(td as HTMLElement).dataset.address}: ${td.textContent}`),
    );

  let englishNames: Array<{ name: string; value: string; text: string; label: string }>;

  beforeAll(async () => {
    const page = await openWorkbench('?lang=en');
    await loadAmd(page, en);
    englishNames = await namedOutputs(page);
    expect(englishNames.length).toBeGreaterThan(10);
  }, 120_000);

  test.each([
    ['zh-TW', zhHant, 'zh-Hant'],
    ['zh-CN', zhHans, 'zh-Hans'],
  ] as const)('?lang=%s: the AMD preset with Chinese labels and the English page\'s named values; headers fit', async (lang, messages, locale) => {
    const page = await openWorkbench(`?lang=${lang}`);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    expect(await page.title()).toBe(messages['workbench.title']);
    expect(await page.textContent('.wb-title')).toBe(messages['workbench.title']);
    expect(await page.textContent('#deals-preset-amd-title')).toBe(messages['amd.title']);
    expect(await page.inputValue('#deals-language')).toBe(locale);
    await loadAmd(page, messages);
    expect(await cellText(page, 'A1')).toBe(messages['amd.title']);
    const plan = buildSheetPlan(scenarioById('amd'), messages);
    const names = await namedOutputs(page);
    // Same names, raw values and shown numbers as the English page; labels in Chinese, not the English ones.
    expect(names.map((n) => [n.name, n.value, n.text])).toEqual(englishNames.map((n) => [n.name, n.value, n.text]));
    names.forEach((n, i) => {
      expect([n.name, HAN.test(n.label)]).toEqual([n.name, true]);
      expect(n.label).not.toBe(englishNames[i].label);
    });
    expect(names.find((n) => n.name === 'AMD_WarrantValueAtTarget')).toMatchObject({ value: '95998400000', text: '96.0' });
    expect(await cellText(page, plan.allChecks)).toBe('TRUE');
    expect(await clippedHeaders(page)).toEqual([]);
    if (hasCjkFont()) {
      await page.mouse.move(0, 899);
      const file = writeScreenshot(`workbench-amd-${lang}.png`, await page.screenshot({ animations: 'disabled', caret: 'hide' }));
      expect(fs.statSync(file).size).toBeGreaterThan(50_000);
    } else {
      console.warn(`No CJK font (fc-list :lang=zh is empty): ${path.join(SCREENSHOTS, `workbench-amd-${lang}.png`)} not written; install fonts-noto-cjk.`);
    }
  }, 120_000);

  test('the language menu switches an edited English page to 繁體中文: the edit and its values kept, ?lang= follows, a reload stays Chinese', async () => {
    const page = await openWorkbench('', { width: 1024, height: 768 });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await loadAmd(page, en);
    const price = buildSheetPlan(scenarioById('amd')).anchors.price;
    await page.click(`#wb-grid td[data-address="${price}"]`);
    await page.keyboard.type('600');
    await page.keyboard.press('Enter');
    expect(await cellText(page, price)).toBe('600.00');
    await page.click('#wb-names-toggle');
    const edited = await namedOutputs(page);
    expect(edited.find((n) => n.name === 'AMD_IntrinsicValueNow')?.value).toBe('95998400000');

    // The menu is labelled (a <label> around the <select>), lists the three languages in themselves.
    expect(await page.locator('label:has(#deals-language)').textContent()).toContain(en['taskpane.language']);
    expect(await page.locator('#deals-language option').allTextContents()).toEqual(['English', '繁體中文', '简体中文']);
    await page.selectOption('#deals-language', 'zh-Hant');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant' && document.getElementById('wb-status')?.dataset.tone === 'success');
    expect(await page.textContent('#wb-status')).toBe(zhHant['workbench.languageSwitched'].replace('{sheets}', '1').replace('{edits}', '1'));
    expect(new URL(page.url()).searchParams.get('lang')).toBe('zh-TW');
    const sheet = buildSheetPlan(scenarioById('amd'), zhHant).sheetName;
    expect(await page.locator('#wb-tabs [role="tab"]').allTextContents()).toEqual([zhHant['workbench.scratchSheet'], sheet]);
    expect(await page.getAttribute(`#wb-tabs [data-sheet="${sheet}"]`, 'aria-selected')).toBe('true');
    expect(await cellText(page, 'A1')).toBe(zhHant['amd.title']);
    expect(await cellText(page, price)).toBe('600.00');
    // The panel stays open as the user left it; every value is the edited English page's.
    const switched = await namedOutputs(page);
    expect(switched.map((n) => [n.name, n.value, n.text])).toEqual(edited.map((n) => [n.name, n.value, n.text]));
    expect(await page.textContent('#wb-namebox')).toBe('B16');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('deals-language');
    // The edit is a changed cell of the new workbook too: back to English keeps it.
    await page.selectOption('#deals-language', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await cellText(page, price)).toBe('600.00');
    expect(await cellText(page, 'A1')).toBe(en['amd.title']);
    await page.selectOption('#deals-language', 'zh-Hans');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('zh-CN');
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('#workbench[data-ready="true"]');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect(await page.textContent('#deals-preset-amd-title')).toBe(zhHans['amd.title']);
  }, 120_000);
  test("a formula on Sheet1 referring to 'AMD warrants'!B15, and one on the AMD sheet referring to Sheet1, keep their values in 繁體中文 and back", async () => {
    const page = await openWorkbench('?lang=en', { width: 1024, height: 768 });
    await loadAmd(page, en);
    await page.click(`#wb-tabs [data-sheet="${en['workbench.scratchSheet']}"]`);
    const enterFormula = async (address: string, formula: string) => {
      await page.click(`#wb-grid td[data-address="${address}"]`);
      await page.fill('#wb-formula', formula);
      await page.press('#wb-formula', 'Enter');
    };
    await enterFormula('A1', "='AMD warrants'!B15*2");
    await enterFormula('A2', '5');
    expect(await cellText(page, 'A1')).toBe('407.42');
    await page.click('#wb-tabs [data-sheet="AMD warrants"]');
    await enterFormula('J1', '=Sheet1!A2*3');
    expect(await cellText(page, 'J1')).toBe('15');

    await page.selectOption('#deals-language', 'zh-Hant');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant' && document.getElementById('wb-status')?.dataset.tone === 'success');
    const sheet = buildSheetPlan(scenarioById('amd'), zhHant).sheetName;
    expect(await cellText(page, 'J1')).toBe('15');
    await page.click('#wb-grid td[data-address="J1"]');
    expect(await page.inputValue('#wb-formula')).toBe(`='${zhHant['workbench.scratchSheet']}'!A2*3`);
    await page.click(`#wb-tabs [data-sheet="${zhHant['workbench.scratchSheet']}"]`);
    expect(await cellText(page, 'A1')).toBe('407.42');
    await page.click('#wb-grid td[data-address="A1"]');
    expect(await page.inputValue('#wb-formula')).toBe(`='${sheet}'!B15*2`);

    await page.selectOption('#deals-language', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.getElementById('wb-status')?.dataset.tone === 'success');
    expect(await cellText(page, 'A1')).toBe('407.42');
    await page.click('#wb-grid td[data-address="A1"]');
    expect(await page.inputValue('#wb-formula')).toBe("='AMD warrants'!B15*2");
  }, 120_000);
});
