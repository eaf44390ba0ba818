/** The message catalogue: complete, consistent placeholders, typed lookup. */
import * as fs from 'fs';
import * as path from 'path';
import * as OpenCC from 'opencc-js';
import { CATALOGUES, en, formatMessage, isLocale, isMessageKey, LOCALES, LOCALE_NAMES, messagesFor, placeholders, resolveLocale, t, translator, zhHans, zhHant } from '../../src/i18n';
import type { MessageKey, Messages } from '../../src/i18n';
import { ERROR_TEXTS, ErrorTextKey, errorTextsEn } from '../../src/i18n/errors';

const KEYS = Object.keys(en) as MessageKey[];

describe('catalogues', () => {
  test.each(LOCALES)('%s has exactly the English keys, each a non-empty one-line text with the same placeholders', (locale) => {
    const messages: Messages = CATALOGUES[locale];
    expect(Object.keys(messages).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      expect([key, typeof messages[key]]).toEqual([key, 'string']);
      expect(messages[key].trim()).not.toBe('');
      expect(messages[key]).not.toMatch(/\n/);
      expect([key, placeholders(messages[key]).sort()]).toEqual([key, placeholders(en[key]).sort()]);
    }
  });

  test('keys are dotted lower-camel paths', () => {
    for (const key of KEYS) expect(key).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/);
  });

  test('the taskpane strings are there', () => {
    expect(t(en, 'taskpane.load')).toBe('Load');
    expect(t(en, 'taskpane.loading')).toBe('Loading…');
    expect(t(en, 'taskpane.loaded', { sheet: 'AMD warrants' })).toBe('Loaded AMD warrants');
    expect(t(en, 'taskpane.loadFailed', { preset: 'amd', reason: 'no workbook' })).toBe('Could not load amd: no workbook');
    expect(t(en, 'app.title')).toBe('AI Deal Modeler');
  });
});

describe('lookup', () => {
  test('placeholders are filled; a missing one throws', () => {
    expect(formatMessage(en, 'sheet.withUnit', { label: 'Shares', unit: 'shares' })).toBe('Shares (shares)');
    expect(() => formatMessage(en, 'sheet.withUnit', { label: 'Shares' })).toThrow(/unit/);
    expect(() => formatMessage(en, 'no.such.key' as MessageKey)).toThrow(/Unknown message key/);
  });

  test('placeholders() lists names in order, once', () => {
    expect(placeholders('{a} and {b} and {a}')).toEqual(['a', 'b']);
    expect(placeholders('none')).toEqual([]);
  });

  test('translator binds a catalogue', () => {
    const tr = translator(en);
    expect(tr('sheet.fact', { confidence: 'reported' })).toBe('Fact (reported)');
    expect(tr('sheet.assumption')).toBe('Assumption');
  });

  test('messagesFor matches an Office display language by prefix and falls back to English', () => {
    expect(messagesFor('en-US')).toBe(en);
    expect(messagesFor('EN')).toBe(en);
    expect(messagesFor('fr-FR')).toBe(en);
    expect(messagesFor(undefined)).toBe(en);
    expect(messagesFor('zh-TW')).toBe(zhHant);
    expect(messagesFor('zh-CN')).toBe(zhHans);
  });

  test.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh_tw', 'zh-Hant'],
    ['ZH-hk', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-MY', 'zh-Hans'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['ja-JP', 'en'],
    ['fr', 'en'],
    ['zhx', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [null, 'en'],
  ])('resolveLocale(%p) is %s', (tag, locale) => {
    expect(resolveLocale(tag)).toBe(locale);
  });

  test('isLocale accepts exactly the catalogue locales; every locale has a name in its own language', () => {
    for (const locale of LOCALES) expect(isLocale(locale)).toBe(true);
    for (const other of ['zh-TW', 'zh-hant', 'EN', '', null, 3]) expect(isLocale(other)).toBe(false);
    expect(LOCALE_NAMES).toEqual({ en: 'English', 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文' });
  });

  test('isMessageKey', () => {
    expect(isMessageKey('amd.title')).toBe(true);
    expect(isMessageKey('amd.nope')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });
});

/**
 * Script of the Chinese catalogues, checked with OpenCC (opencc-js). Converting a catalogue into its
 * own script must leave it as it is: a Simplified character in the zh-Hant catalogue, or a
 * Traditional one in zh-Hans, would be converted and fail the test.
 *
 * Tolerance: zh-Hans, none (Traditional → Simplified from tw, hk or generic Traditional changes 0
 * characters). zh-Hant, only the pairs below, where OpenCC's character-level cn → tw/hk guess swaps
 * a character that is itself standard Traditional (Taiwan's Ministry of Education standard forms
 * 占, 回, 台, 布; 峰 and 閱 as Taiwan writes them) for a Hong Kong variant; every other character must stay.
 */
const ALLOWED_HANT_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  tw: ['占→佔', '回→迴', '台→臺', '布→佈'],
  hk: ['占→佔', '回→迴', '布→佈', '峰→峯', '閱→閲'],
};

const HAN = /\p{Script=Han}/u;

/** Every character a conversion changes, as `key: from→to` (the converters used keep the length). */
function changedCharacters(messages: Readonly<Record<string, string>>, convert: (text: string) => string): string[] {
  const changes: string[] = [];
  for (const key of Object.keys(messages)) {
    const before = Array.from(messages[key]);
    const after = Array.from(convert(messages[key]));
    expect([key, after.length]).toEqual([key, before.length]);
    before.forEach((char, i) => {
      if (after[i] !== char) changes.push(`${key}: ${char}→${after[i]}`);
    });
  }
  return changes;
}

function hanCount(messages: Messages): number {
  return KEYS.reduce((sum, key) => sum + Array.from(messages[key]).filter((c) => HAN.test(c)).length, 0);
}

describe('Chinese script (OpenCC)', () => {
  test('both catalogues are mostly Chinese', () => {
    expect(hanCount(zhHant)).toBeGreaterThan(3000);
    expect(hanCount(zhHans)).toBeGreaterThan(3000);
    // Keys whose text is ASCII in every language: names, symbols and Greek-letter names.
    const ascii = KEYS.filter((key) => !HAN.test(zhHant[key]));
    expect(ascii.every((key) => !HAN.test(zhHans[key]))).toBe(true);
    expect(ascii.length).toBeLessThan(KEYS.length / 20);
  });

  test.each(['tw', 'hk', 't'] as const)('zh-Hans converted from Traditional (%s) to Simplified changes nothing', (from) => {
    expect(changedCharacters(zhHans, OpenCC.Converter({ from, to: 'cn' }))).toEqual([]);
  });

  test('the DEALS error texts: same keys and placeholders in every language, each Chinese one in its own script and in Chinese', () => {
    for (const locale of LOCALES) {
      const texts = ERROR_TEXTS[locale];
      expect(Object.keys(texts)).toEqual(Object.keys(errorTextsEn));
      for (const key of Object.keys(errorTextsEn) as ErrorTextKey[]) expect([locale, key, placeholders(texts[key]).sort()]).toEqual([locale, key, placeholders(errorTextsEn[key]).sort()]);
    }
    const hant = ERROR_TEXTS['zh-Hant'];
    const hans = ERROR_TEXTS['zh-Hans'];
    for (const key of Object.keys(errorTextsEn) as ErrorTextKey[]) {
      if (key === 'invalid' || key === 'noSolution') continue; // frames: placeholders and a full-width colon
      expect([key, HAN.test(hant[key]), HAN.test(hans[key])]).toEqual([key, true, true]);
    }
    expect(changedCharacters(hans, OpenCC.Converter({ from: 'tw', to: 'cn' }))).toEqual([]);
    expect(changedCharacters(hant, OpenCC.Converter({ from: 'cn', to: 'tw' })).filter((change) => !ALLOWED_HANT_VARIANTS.tw.includes(change.slice(change.indexOf(': ') + 2)))).toEqual([]);
  });

  test.each(['tw', 'hk'] as const)('zh-Hant converted from Simplified to Traditional (%s) changes only the listed standard-form variants', (to) => {
    const changes = changedCharacters(zhHant, OpenCC.Converter({ from: 'cn', to }));
    const unexpected = changes.filter((change) => !ALLOWED_HANT_VARIANTS[to].includes(change.slice(change.indexOf(': ') + 2)));
    expect(unexpected).toEqual([]);
    expect(changes.length).toBeLessThanOrEqual(hanCount(zhHant) / 100);
  });

  test('the README sections in 繁體中文 and 简体中文 are each in their own script', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const section = (heading: string) => {
      const start = readme.indexOf(`\n## ${heading}\n`);
      expect(start).toBeGreaterThan(0);
      const end = readme.indexOf('\n## ', start + 1);
      return readme.slice(start, end === -1 ? undefined : end);
    };
    const hant = section('繁體中文');
    const hans = section('简体中文');
    for (const text of [hant, hans]) expect(Array.from(text).filter((c) => HAN.test(c)).length).toBeGreaterThan(200);
    const changed = (text: string, convert: (t: string) => string) => {
      const before = Array.from(text);
      return Array.from(convert(text)).filter((c, i) => c !== before[i]);
    };
    expect(changed(hans, OpenCC.Converter({ from: 'tw', to: 'cn' }))).toEqual([]);
    expect(changed(hant, OpenCC.Converter({ from: 'cn', to: 'tw' })).filter((c) => !['佔', '迴', '臺', '佈'].includes(c))).toEqual([]);
  });

  test('the two scripts really differ: Simplified conversion changes much of zh-Hant', () => {
    const changes = changedCharacters(zhHant, OpenCC.Converter({ from: 'tw', to: 'cn' }));
    expect(changes.length).toBeGreaterThan(hanCount(zhHant) / 10);
  });

  test('terms of the seed article, in the right script', () => {
    expect(zhHant['amd.sheet']).toContain('認股權證');
    expect(zhHans['amd.sheet']).toContain('认股权证');
    expect(zhHant['amd.title']).toContain('股權換採購');
    expect(zhHans['amd.title']).toContain('股权换采购');
    expect(zhHant['nvidia.sheet']).toContain('循環融資');
    expect(zhHans['nvidia.sheet']).toContain('循环融资');
    expect(zhHant['oracle.col.cumGap']).toContain('資金缺口');
    expect(zhHans['oracle.col.cumGap']).toContain('资金缺口');
    expect(zhHant['openai.col.ledgerCompute']).toContain('算力');
    expect(zhHans['openai.col.ledgerCompute']).toContain('算力');
  });

  test('one units rule: billions are 十億美元 / 十亿美元 wherever English says USD bn, never 億美元 alone', () => {
    expect([zhHant['unit.usdBn'], zhHans['unit.usdBn']]).toEqual(['十億美元', '十亿美元']);
    expect([zhHant['unit.usdTnPerYear'], zhHans['unit.usdTnPerYear']]).toEqual(['兆美元/年', '万亿美元/年']);
    for (const key of KEYS) {
      if (/USD [\d{}.–-]+ ?bn|USD bn|\bbn\b/.test(en[key])) {
        expect([key, zhHant[key]]).toEqual([key, expect.stringContaining('十億美元')]);
        expect([key, zhHans[key]]).toEqual([key, expect.stringContaining('十亿美元')]);
      }
      expect([key, zhHant[key]]).toEqual([key, expect.not.stringMatching(/(?<!十)億美元/)]);
      expect([key, zhHans[key]]).toEqual([key, expect.not.stringMatching(/(?<![十万])亿美元/)]);
    }
  });

  test('DEALS function names, metric names and ASCII identifiers in a text survive translation', () => {
    const identifiers = (text: string) => (text.match(/DEALS\.[A-Z]+|=DEALS\.|\b[A-Z]{4,}\b|cumulative TRUE/g) ?? []).sort();
    for (const key of KEYS) {
      expect([key, identifiers(zhHant[key])]).toEqual([key, identifiers(en[key])]);
      expect([key, identifiers(zhHans[key])]).toEqual([key, identifiers(en[key])]);
    }
  });
});
