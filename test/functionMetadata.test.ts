/**
 * Excel's function metadata in 繁體中文 and 简体中文 (src/i18n/functionMetadata.ts): the English
 * catalogue's fn.* texts are the JSDoc's (so the JSDoc stays the one place an English text is
 * edited), and the translated metadata is the generated English metadata with only its
 * descriptions changed, each Chinese and in its own script. The files the build writes are
 * checked against the same function by test/build.test.ts.
 */
import * as path from 'path';
import * as OpenCC from 'opencc-js';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { CATALOGUES, en } from '../src/i18n';
import type { Messages } from '../src/i18n';
import { FunctionsMetadata, localizeMetadata, METADATA_FILES, metadataJson, metadataTexts, staleTexts } from '../src/i18n/functionMetadata';
import { DEALS_FUNCTIONS } from '../src/functions/catalog';

const FUNCTIONS_TS = path.resolve(__dirname, '../src/functions/functions.ts');
const HAN = /\p{Script=Han}/u;

let english: FunctionsMetadata = { functions: [] };
let generatedJson = '';

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_TS, true);
  expect(result.errors).toEqual([]);
  generatedJson = result.metadataJson;
  english = JSON.parse(generatedJson) as FunctionsMetadata;
}, 60_000);

/** The metadata without its descriptions: what must be the same in every language. */
const withoutDescriptions = (metadata: FunctionsMetadata): unknown => JSON.parse(JSON.stringify(metadata, (key, value: unknown) => (key === 'description' ? undefined : value)));

describe('the English catalogue is the JSDoc', () => {
  test('the metadata has a description for every function and parameter of the catalog', () => {
    const keys = metadataTexts(english).map((t) => t.key);
    const expected = DEALS_FUNCTIONS.flatMap((f) => [`fn.${f.name}.description`, ...f.parameters.map((p) => `fn.${f.name}.param.${p.name}`)]);
    expect([...keys].sort()).toEqual([...expected].sort());
    expect(keys.length).toBeGreaterThan(80);
  });

  test('every fn.* text of en.ts equals the JSDoc text, and en.ts has no fn.* key the metadata lacks', () => {
    expect(staleTexts(english, en)).toEqual([]);
    for (const { key, text } of metadataTexts(english)) expect([key, (en as Record<string, string>)[key]]).toEqual([key, text]);
    const metadataKeys = new Set(metadataTexts(english).map((t) => t.key));
    expect(Object.keys(en).filter((key) => key.startsWith('fn.') && !metadataKeys.has(key))).toEqual([]);
  });

  test('staleTexts names an edited or missing English text', () => {
    const edited = { ...en, 'fn.WARRANTVALUE.param.shares': 'Number of shares.' } as Messages;
    expect(staleTexts(english, edited)).toEqual(['fn.WARRANTVALUE.param.shares']);
    const { ['fn.FUNDINGGAP.param.cash']: _removed, ...rest } = en;
    expect(staleTexts(english, rest as unknown as Messages)).toEqual(['fn.FUNDINGGAP.param.cash']);
  });
});

describe('localizeMetadata', () => {
  const sample: FunctionsMetadata = {
    allowCustomDataForDataTypeAny: true,
    functions: [
      {
        description: 'Adds.',
        helpUrl: 'https://example.com/help#ADD',
        id: 'ADD',
        name: 'ADD',
        options: { volatile: false },
        parameters: [
          { description: 'First.', name: 'a', type: 'number', dimensionality: 'matrix' },
          { name: 'b', type: 'number', optional: true },
        ],
        result: { description: 'The sum.', dimensionality: 'scalar' },
      },
      { id: 'NODESC', name: 'NODESC', parameters: [] },
    ],
  };
  const messages = { 'fn.ADD.description': '相加。', 'fn.ADD.param.a': '第一個。', 'fn.ADD.result': '總和。' } as unknown as Messages;

  test('replaces each description by its key and copies everything else, key order included', () => {
    const localized = localizeMetadata(sample, messages);
    expect(localized).toEqual({
      allowCustomDataForDataTypeAny: true,
      functions: [
        {
          description: '相加。',
          helpUrl: 'https://example.com/help#ADD',
          id: 'ADD',
          name: 'ADD',
          options: { volatile: false },
          parameters: [
            { description: '第一個。', name: 'a', type: 'number', dimensionality: 'matrix' },
            { name: 'b', type: 'number', optional: true },
          ],
          result: { description: '總和。', dimensionality: 'scalar' },
        },
        { id: 'NODESC', name: 'NODESC', parameters: [] },
      ],
    });
    expect(Object.keys(localized.functions[0])).toEqual(Object.keys(sample.functions[0]));
    expect(metadataJson(localized)).toBe(JSON.stringify(localized, null, 4));
  });

  test('shares nothing with the English metadata, which it leaves as it was', () => {
    const before = JSON.stringify(sample);
    const localized = localizeMetadata(sample, messages) as unknown as { functions: Array<{ options: { volatile: boolean } }> };
    localized.functions[0].options.volatile = true;
    expect(JSON.stringify(sample)).toBe(before);
  });

  test('a missing or empty text throws, naming every key', () => {
    const partial = { 'fn.ADD.description': '相加。', 'fn.ADD.param.a': ' ' } as unknown as Messages;
    expect(() => localizeMetadata(sample, partial)).toThrow('fn.ADD.param.a, fn.ADD.result');
  });
});

/** OpenCC checks as in test/scenarios/i18n.test.ts: converting a text into its own script changes nothing but Taiwan's standard-form variants. */
const TO_OWN_SCRIPT: Record<string, { convert: (text: string) => string; allowed: readonly string[] }> = {
  'zh-Hant': { convert: OpenCC.Converter({ from: 'cn', to: 'tw' }), allowed: ['占→佔', '回→迴', '台→臺', '布→佈'] },
  'zh-Hans': { convert: OpenCC.Converter({ from: 'tw', to: 'cn' }), allowed: [] },
};
const TO_OTHER_SCRIPT: Record<string, (text: string) => string> = {
  'zh-Hant': OpenCC.Converter({ from: 'tw', to: 'cn' }),
  'zh-Hans': OpenCC.Converter({ from: 'cn', to: 'tw' }),
};

describe.each(METADATA_FILES.map((f) => [f.file, f] as const))('%s', (file, { locale, officeLocale }) => {
  const localized = (): FunctionsMetadata => localizeMetadata(english, CATALOGUES[locale]);

  test('is named for the Office locale', () => {
    expect(file).toBe(`functions-${officeLocale}.json`);
  });

  test('lists every function with the ids, names, parameter names, types, dimensionality, options and helpUrl of functions.json', () => {
    const result = localized();
    expect(result.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
    expect(result.functions.map((f) => f.id).sort()).toEqual(DEALS_FUNCTIONS.map((f) => f.name).sort());
    expect(result.functions.map((f) => f.name)).toEqual(english.functions.map((f) => f.name));
    expect(result.functions.map((f) => f.parameters.map((p) => p.name))).toEqual(english.functions.map((f) => f.parameters.map((p) => p.name)));
    expect(withoutDescriptions(result)).toEqual(withoutDescriptions(english));
    expect(result.functions.map((f) => f.name).every((name) => /^[A-Z][A-Z0-9_.]{2,}$/.test(name))).toBe(true);
  });

  test('every description is Chinese, differs from the English, and keeps the names and symbols of the English text', () => {
    const englishTexts = metadataTexts(english);
    const texts = metadataTexts(localized());
    expect(texts.map((t) => t.key)).toEqual(englishTexts.map((t) => t.key));
    texts.forEach(({ key, text }, i) => {
      expect([key, text.trim().length > 0, HAN.test(text), text !== englishTexts[i].text]).toEqual([key, true, true, true]);
      // Function names, TRUE/FALSE, #NUM!, parameter and metric names, numbers stay as they are.
      const kept = (t: string) => (t.match(/#NUM!|\b[A-Z]{4,}\b|\b[a-z]+[A-Z][A-Za-z0-9]*\b|\d+(?:[.,]\d+)*/g) ?? []).sort();
      expect([key, kept(text)]).toEqual([key, kept(englishTexts[i].text)]);
    });
  });

  test('is in its own script (OpenCC round trip)', () => {
    const { convert, allowed } = TO_OWN_SCRIPT[locale];
    const changes: string[] = [];
    let han = 0;
    let changedByOther = 0;
    for (const { key, text } of metadataTexts(localized())) {
      const before = Array.from(text);
      const after = Array.from(convert(text));
      expect([key, after.length]).toEqual([key, before.length]);
      before.forEach((c, i) => {
        if (after[i] !== c && !allowed.includes(`${c}→${after[i]}`)) changes.push(`${key}: ${c}→${after[i]}`);
      });
      han += before.filter((c) => HAN.test(c)).length;
      const other = Array.from(TO_OTHER_SCRIPT[locale](text));
      changedByOther += before.filter((c, i) => other[i] !== c).length;
    }
    expect(changes).toEqual([]);
    // Control: the other script's conversion does change the text (so the check above can fail).
    expect(changedByOther).toBeGreaterThan(han / 10);
  });

  test('uses the agreed terms', () => {
    const all = metadataTexts(localized())
      .map((t) => t.text)
      .join('\n');
    const terms = locale === 'zh-Hant' ? ['認股權證', '波動率', '無風險利率', '股息率', '履約價', '門檻', '里程碑', '蒙地卡羅'] : ['认股权证', '波动率', '无风险利率', '股息率', '行权价', '门槛', '里程碑', '蒙特卡洛'];
    for (const term of terms) expect([term, all.includes(term)]).toEqual([term, true]);
  });
});

test('the English functions.json is what the build localizes (generated JSON parses to the metadata used above)', () => {
  expect(metadataJson(english)).toBe(generatedJson);
});
