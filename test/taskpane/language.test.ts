/**
 * @jest-environment jsdom
 *
 * The task pane's language: the choice remembered in storage (guarded where storage fails), the
 * display language otherwise; the entry module (taskpane.ts) following `Office.context.displayLanguage`,
 * its language menu, and a preset written into Excel in the pane's language.
 */
import { CATALOGUES, en, zhHans, zhHant } from '../../src/i18n';
import type { Locale } from '../../src/i18n';
import { a1, buildSheetPlan, presetSummaries, scenarioById } from '../../src/scenarios';
import { LANGUAGE_KEY, languageMemory, paneLocale, rememberedLocale, rememberLocale } from '../../src/taskpane/language';
import type { KeyValueStorage } from '../../src/taskpane/language';
import { mountTaskpane } from '../../src/taskpane/ui';
import { FakeExcel } from './fakeExcel';

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

class MapStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** Storage that refuses every access, as a browser with storage blocked does. */
const blockedStorage: KeyValueStorage = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
};

describe('language memory (language.ts)', () => {
  test('a remembered choice wins over the display language; without one the display language decides', () => {
    const memory = languageMemory(new MapStorage());
    expect(paneLocale('zh-TW', memory)).toBe('zh-Hant');
    expect(paneLocale('zh-CN', memory)).toBe('zh-Hans');
    expect(paneLocale('en-US', memory)).toBe('en');
    expect(paneLocale(undefined, memory)).toBe('en');
    expect(rememberLocale(memory, 'zh-Hans')).toBe(true);
    expect(rememberedLocale(memory)).toBe('zh-Hans');
    expect(paneLocale('zh-TW', memory)).toBe('zh-Hans');
    expect(paneLocale('en-GB', memory)).toBe('zh-Hans');
  });

  test('an unknown stored value is ignored', () => {
    const storage = new MapStorage();
    storage.setItem(LANGUAGE_KEY, 'klingon');
    expect(rememberedLocale(languageMemory(storage))).toBeUndefined();
    expect(paneLocale('zh-HK', languageMemory(storage))).toBe('zh-Hant');
  });

  test('the partition key of Office on the web prefixes the storage key', () => {
    const storage = new MapStorage();
    rememberLocale(languageMemory(storage, 'partition-7'), 'zh-Hant');
    expect([...storage.items]).toEqual([[`partition-7${LANGUAGE_KEY}`, 'zh-Hant']]);
    expect(rememberedLocale(languageMemory(storage))).toBeUndefined();
    expect(rememberedLocale(languageMemory(storage, 'partition-7'))).toBe('zh-Hant');
  });

  test('blocked or missing storage: nothing remembered, nothing thrown', () => {
    for (const memory of [languageMemory(blockedStorage), languageMemory(undefined)]) {
      expect(rememberedLocale(memory)).toBeUndefined();
      expect(rememberLocale(memory, 'zh-Hant')).toBe(false);
      expect(paneLocale('zh-MO', memory)).toBe('zh-Hant');
    }
  });
});

describe('the language menu (ui.ts)', () => {
  test('lists every language in its own name, marks the current one, calls back on a change, and sets lang', () => {
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    const chosen: Locale[] = [];
    mountTaskpane(root, undefined, zhHant, { language: { current: 'zh-Hant', choose: (l) => chosen.push(l) } });
    const select = root.querySelector<HTMLSelectElement>('header select')!;
    expect(root.querySelector('header label')!.firstChild!.textContent).toBe('語言');
    expect(document.getElementById(root.querySelector('header label')!.getAttribute('for')!)).toBe(select);
    expect(Array.from(select.options).map((o) => [o.value, o.textContent, o.lang])).toEqual([
      ['en', 'English', 'en'],
      ['zh-Hant', '繁體中文', 'zh-Hant'],
      ['zh-Hans', '简体中文', 'zh-Hans'],
    ]);
    expect(select.value).toBe('zh-Hant');
    expect(root.lang).toBe('zh-Hant');
    select.value = 'zh-Hans';
    select.dispatchEvent(new Event('change'));
    expect(chosen).toEqual(['zh-Hans']);
  });

  test('without the option there is no menu', () => {
    const root = document.createElement('main');
    mountTaskpane(root, undefined, en);
    expect(root.querySelector('select')).toBeNull();
    expect(root.lang).toBe('en');
  });
});

describe('the entry module follows the display language', () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    delete (globalThis as { Excel?: unknown }).Excel;
    window.localStorage.clear();
    jest.restoreAllMocks();
  });

  function start(displayLanguage: string, host = new FakeExcel()): { root: HTMLElement; host: FakeExcel } {
    document.body.replaceChildren();
    const root = document.createElement('main');
    root.id = 'app';
    document.body.append(root);
    let ready: ((info: { host: string }) => void) | undefined;
    (globalThis as { Office?: unknown }).Office = {
      HostType: { Excel: 'Excel' },
      context: { displayLanguage, requirements: { isSetSupported: () => true } },
      onReady: (callback: (info: { host: string }) => void) => {
        ready = callback;
        return Promise.resolve({ host: 'Excel' });
      },
    };
    (globalThis as { Excel?: unknown }).Excel = { run: host.run };
    jest.isolateModules(() => {
      require('../../src/taskpane/taskpane');
    });
    ready!({ host: 'Excel' });
    return { root, host };
  }

  const status = (root: HTMLElement) => root.querySelector('[role="status"]')!.textContent;
  const titles = (root: HTMLElement) => Array.from(root.querySelectorAll('.preset h3')).map((h) => h.textContent);
  const choose = (root: HTMLElement, locale: Locale) => {
    const select = root.querySelector<HTMLSelectElement>('header select')!;
    select.value = locale;
    select.dispatchEvent(new Event('change'));
  };

  test.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
  ] as const)('displayLanguage %s shows the pane in %s', (displayLanguage, locale) => {
    const { root } = start(displayLanguage);
    const messages = CATALOGUES[locale];
    expect(status(root)).toBe(messages['taskpane.ready']);
    expect(titles(root)).toEqual(presetSummaries(messages).map((s) => s.title));
    expect(root.querySelector('.preset button')!.textContent).toBe(messages['taskpane.load']);
    expect(root.querySelector<HTMLSelectElement>('header select')!.value).toBe(locale);
    expect(root.lang).toBe(locale);
  });

  test('a choice in the pane switches the language at once and is remembered for the next start', () => {
    let { root } = start('zh-TW');
    choose(root, 'zh-Hans');
    expect(status(root)).toBe(zhHans['taskpane.ready']);
    expect(titles(root)).toEqual(presetSummaries(zhHans).map((s) => s.title));
    expect(window.localStorage.getItem(LANGUAGE_KEY)).toBe('zh-Hans');

    ({ root } = start('zh-TW'));
    expect(status(root)).toBe(zhHans['taskpane.ready']);
    choose(root, 'en');
    ({ root } = start('zh-CN'));
    expect(status(root)).toBe(en['taskpane.ready']);
  });

  test('with storage blocked the pane still starts in the display language and still switches', () => {
    jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const { root } = start('zh-HK');
    expect(status(root)).toBe(zhHant['taskpane.ready']);
    choose(root, 'en');
    expect(status(root)).toBe(en['taskpane.ready']);
  });

  test('a preset is written into Excel in the pane’s language: Chinese sheet, same formulas and names', async () => {
    const { root, host } = start('zh-TW');
    choose(root, 'zh-Hans');
    root.querySelector<HTMLButtonElement>('.preset button')!.click();
    for (let i = 0; i < 4; i++) await flush();
    const plan = buildSheetPlan(scenarioById('amd'), zhHans);
    const english = buildSheetPlan(scenarioById('amd'), en);
    expect(status(root)).toBe(zhHans['taskpane.loadedInto'].replace('{preset}', plan.title).replace('{sheet}', plan.sheetName));
    expect(plan.sheetName).toBe('AMD 认股权证');
    const sheet = host.sheet(plan.sheetName);
    expect(sheet.cells.A1.formula).toBe(zhHans['amd.title']);
    expect(sheet.names.length + host.state.names.length).toBe(english.names.length);
    expect(host.state.names.map((n) => n.name).sort()).toEqual(english.names.map((n) => n.name).sort());
    // Every formula cell of the English plan holds the same formula in the sheet written in Chinese.
    english.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell && typeof cell === 'object') {
          const address = a1.formatCell(r, c);
          expect([address, sheet.cells[address]?.formula]).toEqual([address, cell.formula]);
        }
      }),
    );
  });
});
