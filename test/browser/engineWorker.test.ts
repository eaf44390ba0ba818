/**
 * The workbench's engine runs in a Web Worker (src/workbench/engineWorker.ts), in Debian's
 * Chromium: a FUNDINGRISK of 30 years × 1,000,000 paths typed into a cell computes for seconds
 * while the page keeps drawing frames, running timers and taking clicks, says it is calculating
 * (status and busy cursor), and then shows the value `deals eval` computes in Node. Formulas beyond
 * Excel's limits, or too deep for the engine, are refused one by one in the page's words, and the
 * workbook keeps taking edits, undo and export.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { en } from '../../src/i18n';
import { displayValue } from '../../src/workbench/format';
import { browserTestsEnabled, engineIdle, guardedPage, harnessForSuite, ROOT } from './harness';
import type { GuardedPage } from './harness';

const describeBrowser = browserTestsEnabled() ? describe : describe.skip;

/** ranOutProb summed over 30 years of a million paths: seconds of work for the engine. */
const LONG_FUNDINGRISK = `=SUM(DEALS.FUNDINGRISK({${Array(30).fill(12).join(',')}},100,0.05,0.3,1,0,0,1000000,7,"ranOutProb"))`;

describeBrowser('the engine in a Web Worker', () => {
  const session = harnessForSuite();

  async function openWorkbench(): Promise<GuardedPage> {
    const guarded = await guardedPage(session.harness, { viewport: { width: 1440, height: 900 } });
    session.opened.push(guarded);
    await guarded.page.goto(`${session.harness.origin}/workbench.html?lang=en`, { waitUntil: 'load' });
    await guarded.page.waitForSelector('#workbench[data-ready="true"]');
    return guarded;
  }

  /** Types a formula into the formula bar of the selected cell and confirms it. */
  async function enterFormula(guarded: GuardedPage, address: string, formula: string): Promise<void> {
    await guarded.page.click(`#wb-grid td[data-address="${address}"]`);
    await guarded.page.fill('#wb-formula', formula);
    await guarded.page.press('#wb-formula', 'Enter');
  }

  const status = (guarded: GuardedPage) => guarded.page.textContent('#wb-status');

  test('a FUNDINGRISK that takes seconds leaves the page responsive, says it is calculating, and its value arrives', async () => {
    const guarded = await openWorkbench();
    const { page } = guarded;
    // In the page: a 16 ms timer and animation frames, counted, and when #workbench is busy.
    await page.evaluate(() => {
      const probe = { ticks: [] as number[], frames: [] as number[], busy: [] as Array<[boolean, number]> };
      (window as unknown as { probe: typeof probe }).probe = probe;
      setInterval(() => probe.ticks.push(performance.now()), 16);
      const frame = () => {
        probe.frames.push(performance.now());
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const root = document.getElementById('workbench')!;
      new MutationObserver(() => probe.busy.push([root.hasAttribute('data-busy'), performance.now()])).observe(root, { attributes: true, attributeFilter: ['data-busy'] });
    });

    await enterFormula(guarded, 'A1', LONG_FUNDINGRISK);
    expect(await page.getAttribute('#workbench', 'data-busy')).toBe('true');
    expect(await status(guarded)).toBe(en['workbench.calculating']);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('#wb-grid td[data-address="C3"]')!).cursor)).toBe('progress');
    // Input meanwhile: a click selects another cell at once, and the engine is still at work.
    const clicked = Date.now();
    await page.click('#wb-grid td[data-address="C3"]');
    expect(await page.textContent('#wb-namebox')).toBe('C3');
    const clickMs = Date.now() - clicked;
    expect(await page.getAttribute('#workbench', 'data-busy')).toBe('true');

    await page.waitForSelector('#workbench:not([data-busy])', { state: 'attached', timeout: 300_000 });
    // The same formula through `deals eval` in Node (a process of its own: inside Jest's VM context
    // this simulation runs some 25 times slower, its every global lookup intercepted).
    const printed = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'deals.js'), 'eval', LONG_FUNDINGRISK], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 }).trim();
    const expected = Number(printed);
    expect(Number.isFinite(expected) && expected > 0).toBe(true);
    expect(await page.textContent('#wb-grid td[data-address="A1"]')).toBe(displayValue(expected).text);
    expect(await status(guarded)).toMatch(/^A1 changed: 1 cells of this sheet have a new value\.$/);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('#wb-grid td[data-address="C3"]')!).cursor)).toBe('cell');

    const probe = await page.evaluate(() => (window as unknown as { probe: { ticks: number[]; frames: number[]; busy: Array<[boolean, number]> } }).probe);
    const start = probe.busy.find(([busy]) => busy)![1];
    const end = probe.busy.filter(([busy]) => !busy).pop()![1];
    const during = (times: number[]) => [start, ...times.filter((t) => t > start && t < end), end];
    const longestGap = (times: number[]) => Math.max(...during(times).slice(1).map((t, i, all) => t - (i === 0 ? start : all[i - 1])));
    const busyMs = end - start;
    const frames = during(probe.frames).length - 2;
    console.log(
      `Worker: ${LONG_FUNDINGRISK.slice(0, 40)}… computed for ${Math.round(busyMs)} ms; meanwhile ${probe.ticks.filter((t) => t > start && t < end).length} ticks of a 16 ms timer ` +
        `(longest gap ${Math.round(longestGap(probe.ticks))} ms), ${frames} animation frames (longest gap ${Math.round(longestGap(probe.frames))} ms), a click answered in ${clickMs} ms`,
    );
    // Seconds of work, during which the page never stalls for more than a few frames.
    expect(busyMs).toBeGreaterThan(1000);
    expect(longestGap(probe.ticks)).toBeLessThan(250);
    expect(longestGap(probe.frames)).toBeLessThan(250);
    expect(frames).toBeGreaterThan(busyMs / 100);
  }, 600_000);

  test("formulas beyond Excel's limits or the engine's depth are refused one by one; edits, undo and export go on", async () => {
    const guarded = await openWorkbench();
    const { page } = guarded;
    const chain = (n: number) => '=' + Array(n).fill('1').join('+');

    await enterFormula(guarded, 'A1', '=' + '('.repeat(200) + '1' + ')'.repeat(200));
    await engineIdle(page);
    expect(await page.getAttribute('#wb-status', 'data-tone')).toBe('error');
    const nested = en['workbench.formulaTooNested'].replace('{levels}', '200').replace('{position}', '66').replace('{max}', '64');
    expect(await status(guarded)).toBe(en['workbench.editFailed'].replace('{cell}', 'A1').replace('{reason}', nested));

    // 500 chained operators, the engine's limit, evaluate in the worker's stack; 1,500 are refused.
    await enterFormula(guarded, 'A2', chain(501));
    await engineIdle(page);
    expect(await page.textContent('#wb-grid td[data-address="A2"]')).toBe('501');
    await enterFormula(guarded, 'A3', chain(1500));
    await engineIdle(page);
    expect(await status(guarded)).toBe(en['workbench.editFailed'].replace('{cell}', 'A3').replace('{reason}', en['workbench.formulaTooDeep'].replace('{max}', '500')));
    await enterFormula(guarded, 'A4', '=' + '1'.repeat(8192));
    await engineIdle(page);
    expect(await status(guarded)).toContain(en['workbench.formulaTooLong'].replace('{chars}', '8193').replace('{max}', '8192'));

    await enterFormula(guarded, 'B1', '=A2*2');
    await engineIdle(page);
    expect(await page.textContent('#wb-grid td[data-address="B1"]')).toBe('1002');
    await page.keyboard.press('Control+z');
    await engineIdle(page);
    expect(await page.textContent('#wb-grid td[data-address="B1"]')).toBe('');
    expect(await page.textContent('#wb-grid td[data-address="A1"]')).toBe('');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#wb-export')]);
    expect(download.suggestedFilename()).toBe('ai-deal-modeler.xlsx');
    await page.waitForFunction(() => document.getElementById('wb-status')?.dataset.tone === 'success');
  }, 300_000);
});
