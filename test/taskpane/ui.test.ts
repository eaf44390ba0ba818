/**
 * @jest-environment jsdom
 *
 * The task pane UI (src/taskpane/ui.ts) in jsdom, with fake sinks and with the Office.js writer
 * over the fake Excel host; the entry module's wiring at Office.onReady; and no HTML strings in
 * the task pane's sources.
 */
import * as fs from 'fs';
import * as path from 'path';
import { en } from '../../src/i18n';
import type { Messages } from '../../src/i18n';
import { presetSummaries, PRESETS } from '../../src/scenarios';
import type { SheetPlan } from '../../src/scenarios';
import { excelSink } from '../../src/taskpane/excelSink';
import type { LoadResult, PlanSink } from '../../src/taskpane/sink';
import { mountTaskpane } from '../../src/taskpane/ui';
import { FakeExcel } from './fakeExcel';

/** A sink whose loads the test settles by hand. */
function manualSink() {
  const calls: Array<{ plan: SheetPlan; resolve(result: LoadResult): void; reject(error: unknown): void }> = [];
  const sink: PlanSink = {
    load: (plan) => new Promise<LoadResult>((resolve, reject) => calls.push({ plan, resolve, reject })),
  };
  return { sink, calls };
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function mount(sink: PlanSink | undefined, messages: Messages = en, notice?: string) {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  const handle = mountTaskpane(root, sink, messages, notice === undefined ? {} : { notice });
  const buttons = () => Array.from(root.querySelectorAll<HTMLButtonElement>('.preset button'));
  const status = () => root.querySelector<HTMLElement>('[role="status"]')!;
  return { root, handle, buttons, status };
}

describe('the preset list', () => {
  test('one item per preset: title, one-line description and a Load button, texts from the catalogue', () => {
    const { root, buttons } = mount(manualSink().sink);
    const summaries = presetSummaries(en);
    const items = Array.from(root.querySelectorAll('.preset'));
    expect(items).toHaveLength(PRESETS.length);
    items.forEach((item, i) => {
      expect(item.querySelector('h3')!.textContent).toBe(summaries[i].title);
      expect(item.querySelector('p')!.textContent).toBe(summaries[i].description);
      expect(item.querySelector('button')!.textContent).toBe(en['taskpane.load']);
    });
    expect(root.querySelector('h1')!.textContent).toBe(en['app.title']);
    expect(Array.from(root.querySelectorAll('h2')).map((h) => h.textContent)).toEqual([en['taskpane.presets'], en['taskpane.functions']]);
    // Real buttons, enabled, named "Load <title>" for screen readers and described by the description.
    for (const [i, button] of buttons().entries()) {
      expect(button.type).toBe('button');
      expect(button.disabled).toBe(false);
      const label = button.getAttribute('aria-labelledby')!.split(' ').map((id: string) => document.getElementById(id)!.textContent);
      expect(label).toEqual([en['taskpane.load'], summaries[i].title]);
      expect(document.getElementById(button.getAttribute('aria-describedby')!)!.textContent).toBe(summaries[i].description);
    }
  });

  test('the DEALS function examples come after the presets', () => {
    const { root } = mount(undefined);
    const sections = Array.from(root.querySelectorAll('section'));
    expect(sections.map((s) => s.className)).toEqual(['presets', 'functions']);
    const functions = Array.from(sections[1].querySelectorAll('.fn-name')).map((n) => n.textContent);
    expect(functions).toContain('DEALS.WARRANTVALUE');
    expect(sections[1].querySelector('.fn-summary')!.textContent).toBe(en['taskpane.fn.WARRANTVALUE']);
  });

  test('every text shown goes through the catalogue passed in (a pseudo-translation marks them all)', () => {
    const pseudo = Object.fromEntries(Object.entries(en).map(([k, v]) => [k, `⟦${v}⟧`])) as unknown as Messages;
    const { root } = mount(undefined, pseudo, '⟦notice⟧');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent!.trim()) texts.push(node.textContent!);
    // Function names and formulas are code, the same in every language.
    const untranslated = texts.filter((t) => !/^⟦[\s\S]*⟧$/.test(t) && !/^(=?DEALS\.)/.test(t));
    expect(untranslated).toEqual([]);
    for (const code of Array.from(root.querySelectorAll<HTMLElement>('code'))) expect(code.title).toBe(`⟦${en['taskpane.copyHint']}⟧`);
  });

  test('without a sink the buttons are disabled and the notice says why', () => {
    const { buttons, status } = mount(undefined, en, 'Open this page from Excel.');
    expect(buttons().every((b) => b.disabled)).toBe(true);
    expect(status().textContent).toBe('Open this page from Excel.');
    expect(status().getAttribute('aria-live')).toBe('polite');
  });
});

describe('loading', () => {
  test('status while loading, buttons disabled, then success', async () => {
    const { sink, calls } = manualSink();
    const { root, buttons, status, handle } = mount(sink);
    const amd = presetSummaries(en)[0];
    buttons()[0].focus();
    buttons()[0].click();
    expect(calls).toHaveLength(1);
    expect(calls[0].plan.presetId).toBe('amd');
    expect(status().textContent).toBe(`Loading ${amd.title}…`);
    expect(status().dataset.tone).toBe('busy');
    expect(buttons().every((b) => b.disabled)).toBe(true);
    expect(buttons()[0].textContent).toBe(en['taskpane.loading']);
    expect(root.querySelector('.preset-list')!.getAttribute('aria-busy')).toBe('true');
    expect(handle.busy).toBe(true);

    buttons()[1].click(); // disabled: nothing happens
    await handle.load('nvidia'); // nor from code while busy
    expect(calls).toHaveLength(1);

    calls[0].resolve({ sheetName: 'AMD warrants (2)' });
    await flush();
    expect(status().textContent).toBe(`Loaded ${amd.title} into the new sheet “AMD warrants (2)”.`);
    expect(status().dataset.tone).toBe('success');
    expect(buttons().every((b) => !b.disabled)).toBe(true);
    expect(buttons()[0].textContent).toBe(en['taskpane.load']);
    expect(root.querySelector('.preset-list')!.hasAttribute('aria-busy')).toBe(false);
    // The keyboard user is back on the button they pressed.
    expect(document.activeElement).toBe(buttons()[0]);
  });

  test('a detail from the sink follows the success message', async () => {
    const { sink, calls } = manualSink();
    const { buttons, status } = mount(sink);
    buttons()[1].click();
    calls[0].resolve({ sheetName: 'Nvidia circular (2)', detail: 'Names are on the sheet.' });
    await flush();
    expect(status().textContent).toBe(`Loaded ${presetSummaries(en)[1].title} into the new sheet “Nvidia circular (2)”. Names are on the sheet.`);
  });

  test('failure: the message names the preset and the reason, and the buttons come back', async () => {
    const { sink, calls } = manualSink();
    const { buttons, status } = mount(sink);
    buttons()[2].click();
    calls[0].reject(new Error('Excel stopped while writing the sheet (boom).'));
    await flush();
    expect(status().textContent).toBe(`Could not load ${presetSummaries(en)[2].title}: Excel stopped while writing the sheet (boom).`);
    expect(status().dataset.tone).toBe('error');
    expect(buttons().every((b) => !b.disabled)).toBe(true);
  });

  test('a preset whose plan cannot be built fails the same way, without calling the sink', async () => {
    const { sink, calls } = manualSink();
    const root = document.createElement('main');
    const handle = mountTaskpane(root, sink, en, {
      buildPlan: () => {
        throw new Error('cannot resolve {x}');
      },
    });
    await handle.load('amd');
    expect(calls).toHaveLength(0);
    expect(root.querySelector('[role="status"]')!.textContent).toBe(`Could not load ${presetSummaries(en)[0].title}: cannot resolve {x}`);
  });

  test('with the Office.js writer over a fake Excel: a new sheet, two syncs, the success message', async () => {
    const host = new FakeExcel();
    const { buttons, status } = mount(excelSink({ run: host.run, messages: en }));
    buttons()[4].click();
    await flush();
    await flush();
    const bain = presetSummaries(en)[4];
    expect(status().textContent).toBe(`Loaded ${bain.title} into the new sheet “Bain 2030 gap”.`);
    expect(host.syncs).toBe(2);
    expect(host.state.activeSheet).toBe('Bain 2030 gap');

    buttons()[4].click();
    await flush();
    await flush();
    expect(status().textContent).toBe(`Loaded ${bain.title} into the new sheet “Bain 2030 gap (2)”. ${en['taskpane.namesOnSheet']}`);

    host.failWhen = (op) => op.kind === 'Charts.add' && 'The chart could not be created.';
    buttons()[4].click();
    for (let i = 0; i < 4; i++) await flush();
    expect(status().textContent).toBe(
      `Could not load ${bain.title}: ` + en['taskpane.error.writeFailed'].replace('{detail}', 'The chart could not be created. [Charts.add]'),
    );
    expect(host.state.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Bain 2030 gap', 'Bain 2030 gap (2)']);
  });
});

describe('the entry module (taskpane.ts)', () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  function start(office?: unknown): HTMLElement {
    document.body.replaceChildren();
    const root = document.createElement('main');
    root.id = 'app';
    document.body.append(root);
    if (office) (globalThis as { Office?: unknown }).Office = office;
    jest.isolateModules(() => {
      require('../../src/taskpane/taskpane');
    });
    return root;
  }

  function fakeOffice(host: string, supported: boolean) {
    let ready: ((info: { host: string }) => void) | undefined;
    const office = {
      HostType: { Excel: 'Excel' },
      context: { displayLanguage: 'en-US', requirements: { isSetSupported: (set: string, version: string) => supported && set === 'ExcelApi' && version === '1.8' } },
      onReady: (callback: (info: { host: string }) => void) => {
        ready = callback;
        return Promise.resolve({ host });
      },
    };
    return { office, ready: () => ready!({ host }) };
  }

  test('outside Office: the pane shows, its Load buttons disabled, and says why', () => {
    const root = start();
    expect(root.querySelector('[role="status"]')!.textContent).toBe(en['taskpane.officeMissing']);
    expect(Array.from(root.querySelectorAll('button')).every((b) => b.disabled)).toBe(true);
  });

  test('in Excel with ExcelApi 1.8: the writer is wired in at Office.onReady', () => {
    const { office, ready } = fakeOffice('Excel', true);
    const root = start(office);
    expect(root.querySelector('[role="status"]')!.textContent).toBe(en['taskpane.loadingOffice']);
    expect(Array.from(root.querySelectorAll('.preset button')).every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    ready();
    expect(root.querySelector('[role="status"]')!.textContent).toBe(en['taskpane.ready']);
    expect(Array.from(root.querySelectorAll<HTMLButtonElement>('.preset button')).every((b) => !b.disabled)).toBe(true);
  });

  test('in an Excel without ExcelApi 1.8, or in another host: no writer, and the reason', () => {
    const old = fakeOffice('Excel', false);
    let root = start(old.office);
    old.ready();
    expect(root.querySelector('[role="status"]')!.textContent).toBe(en['taskpane.unsupported'].replace('{version}', 'ExcelApi 1.8'));
    expect(Array.from(root.querySelectorAll<HTMLButtonElement>('.preset button')).every((b) => b.disabled)).toBe(true);

    const word = fakeOffice('Word', true);
    root = start(word.office);
    word.ready();
    expect(root.querySelector('[role="status"]')!.textContent).toBe(en['taskpane.notExcel']);
  });
});

test('the task pane sources build no HTML from strings', () => {
  const dir = path.resolve(__dirname, '../../src/taskpane');
  const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
  expect(sources).toEqual(expect.arrayContaining(['taskpane.ts', 'ui.ts', 'excelSink.ts']));
  for (const file of sources) {
    const code = fs.readFileSync(path.join(dir, file), 'utf8');
    expect([file, code.match(/\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/g)]).toEqual([file, null]);
  }
  const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
  expect(html).toMatch(/<meta\s+http-equiv="Content-Security-Policy"/);
  expect(html).not.toMatch(/<script\b[^>]*>(?!\s*<\/script>)/); // no inline script
});

describe('protect formulas', () => {
  test('a checkbox, off by default, described by its hint; each load passes its state to the sink', async () => {
    const seen: Array<boolean | undefined> = [];
    const sink: PlanSink = { load: async (plan, options) => (seen.push(options?.protectFormulas), { sheetName: plan.sheetName }) };
    const { root, handle } = mount(sink);
    const box = root.querySelector<HTMLInputElement>('#deals-protect')!;
    expect(box.type).toBe('checkbox');
    expect(box.checked).toBe(false);
    expect(box.closest('label')!.textContent).toBe(en['taskpane.protectFormulas']);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toBe(en['taskpane.protectFormulasHint']);
    await handle.load(PRESETS[0].id);
    box.checked = true;
    await handle.load(PRESETS[0].id);
    expect(seen).toEqual([false, true]);
  });

  test('with the Office.js writer the new sheet is protected, its inputs unlocked', async () => {
    const host = new FakeExcel();
    const { root, handle } = mount(excelSink({ run: host.run }));
    root.querySelector<HTMLInputElement>('#deals-protect')!.checked = true;
    await handle.load('amd');
    const sheet = host.state.sheets.find((s) => s.name === 'AMD warrants')!;
    expect(sheet.protection).toBeDefined();
    expect(sheet.cells.B15.locked).toBe(false);
    expect(sheet.cells.B74.locked).toBeUndefined();
  });
});
