/**
 * Every preset in every language: the plan is the English one with only the texts translated
 * (same formulas, names, number formats, styles, spills, inputs, checks, chart ranges), its texts
 * are in the language's script, and through the formula engine every cell's number and every named
 * output's value is identical to English.
 *
 * A formula may hold a catalogue text as a string literal (`{str:key}` in a preset, e.g. the OpenAI
 * verdict "Cornerstone"): formulas are compared with their string literals blanked, and those
 * literals (and the text results they produce) must be the same key's text in that language.
 */
import { CATALOGUES, en, LOCALES } from '../../src/i18n';
import type { Locale, MessageKey, Messages } from '../../src/i18n';
import { isEngineError } from '../../src/engine';
import { a1, buildSheetPlan, isFormulaCell, PRESETS, presetSummaries } from '../../src/scenarios';
import type { SheetPlan } from '../../src/scenarios';
import { loadPlan } from './loadPlan';

const CHINESE = LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== 'en');
const HAN = /\p{Script=Han}/u;
const STRING_LITERAL = /"(?:[^"]|"")*"/g;

/** A pseudo-translation: every catalogue text wrapped in ⟦ ⟧, to tell which cells come from the catalogue. */
const PSEUDO = Object.fromEntries(Object.entries(en).map(([k, v]) => [k, `⟦${v}⟧`])) as unknown as Messages;

/** The English text → key, for the string literals of formulas. */
const KEY_OF_TEXT = new Map<string, MessageKey>(Object.entries(en as Readonly<Record<string, string>>).map(([k, v]) => [v, k as MessageKey]));

const blankStrings = (formula: string) => formula.replace(STRING_LITERAL, '""');
const literals = (formula: string) => (formula.match(STRING_LITERAL) ?? []).map((s) => s.slice(1, -1).replace(/""/g, '"'));

/** The plan without its texts: what must be the same in every language. */
function structure(plan: SheetPlan) {
  return {
    presetId: plan.presetId,
    shape: plan.cells.map((row) => row.length),
    cells: plan.cells.map((row) => row.map((c) => (isFormulaCell(c) ? { formula: blankStrings(c.formula) } : typeof c === 'string' ? 'text' : c))),
    numberFormats: plan.numberFormats,
    styles: plan.styles,
    names: plan.names.map((n) => ({ name: n.name, address: n.address })),
    charts: plan.charts.map((c) => ({ ...c, title: undefined, xAxisTitle: undefined, yAxisTitle: undefined, series: c.series.map((s) => ({ ...s, name: undefined })) })),
    columnWidths: plan.columnWidths,
    freeze: plan.freeze,
    spills: plan.spills,
    links: plan.links,
    inputs: plan.inputs.map((i) => ({ ...i, note: undefined })),
    checks: plan.checks,
    allChecks: plan.allChecks,
    anchors: plan.anchors,
  };
}

/**
 * Width of a text in Latin-character units, as a spreadsheet or a pane renders it: a wide or
 * full-width character (Unicode East Asian Width W or F: CJK ideographs, kana, hangul, full-width
 * punctuation such as （）「」，) takes two.
 */
function displayWidth(text: string): number {
  const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
  return Array.from(text).reduce((width, char) => width + (WIDE.test(char) ? 2 : 1), 0);
}

describe('layout in Chinese', () => {
  test('display width counts a CJK character or full-width punctuation as two', () => {
    expect(displayWidth('AMD')).toBe(3);
    expect(displayWidth('認股權證')).toBe(8);
    expect(displayWidth('十亿美元/年')).toBe(11);
    expect(displayWidth('（）「」，')).toBe(10);
  });

  test.each(LOCALES)('%s: each preset summary fits a 320 px pane in two lines (at most 100 Latin-character widths)', (locale) => {
    for (const summary of presetSummaries(CATALOGUES[locale])) expect(displayWidth(summary.description)).toBeLessThanOrEqual(100);
  });

  /**
   * Column widths are fixed per column (not computed from text lengths) and headers wrap, so a
   * Chinese sheet fits when its texts need no more room than the English ones: no text cell is
   * wider than its English counterpart or its column, whichever is more, by over 4 Latin
   * characters (the widest excess is a wrapped header, 是否成立（TRUE/FALSE）, with full-width brackets).
   */
  test.each(CHINESE)('%s: no text needs more room than English or its column by over 4 character widths', (locale) => {
    const excess: string[] = [];
    for (const scenario of PRESETS) {
      const english = buildSheetPlan(scenario, en);
      const plan = buildSheetPlan(scenario, CATALOGUES[locale]);
      plan.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (typeof cell !== 'string') return;
          const room = Math.max(displayWidth(english.cells[r][c] as string), plan.columnWidths[c]);
          if (displayWidth(cell) > room + 4) excess.push(`${scenario.id}!${a1.formatCell(r, c)}: ${cell}`);
        }),
      );
    }
    expect(excess).toEqual([]);
  });
});

const cases = PRESETS.flatMap((scenario) => CHINESE.map((locale) => [scenario.id, locale, scenario] as const));

describe.each(cases)('%s in %s', (id, locale, scenario) => {
  const messages = CATALOGUES[locale];
  const english = buildSheetPlan(scenario, en);
  const plan = buildSheetPlan(scenario, messages);
  const pseudo = buildSheetPlan(scenario, PSEUDO);

  test('same formulas, names, number formats, styles, spills, inputs, checks and chart ranges as English', () => {
    expect(structure(plan)).toEqual(structure(english));
    expect(plan.columnWidths).toEqual(english.columnWidths);
  });

  test('string literals in formulas are the same catalogue texts, translated', () => {
    english.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!isFormulaCell(cell)) return;
        const translated = plan.cells[r][c] as { formula: string };
        const expected = literals(cell.formula).map((text) => {
          const key = KEY_OF_TEXT.get(text);
          return key ? messages[key] : text;
        });
        expect([a1.formatCell(r, c), literals(translated.formula)]).toEqual([a1.formatCell(r, c), expected]);
      }),
    );
  });

  test('every text from the catalogue is translated into Chinese characters; other texts are the sources’ own', () => {
    const untranslated: string[] = [];
    let translated = 0;
    pseudo.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell !== 'string') return;
        const text = plan.cells[r][c] as string;
        if (!cell.includes('⟦')) {
          // Not from the catalogue (a fact's deal, figure, value, unit, date, URL or quote): as the source states it.
          expect([a1.formatCell(r, c), text]).toEqual([a1.formatCell(r, c), english.cells[r][c]]);
        } else if (HAN.test(text)) translated++;
        else untranslated.push(`${a1.formatCell(r, c)}: ${text}`);
      }),
    );
    // Catalogue texts without a Chinese character are names and symbols the same in every language
    // (AMD, Nvidia, Delta, GW, %, TRUE/FALSE …): each must then equal the English cell.
    for (const entry of untranslated) {
      const address = entry.slice(0, entry.indexOf(':'));
      const { row, col } = a1.parseCell(address);
      expect([address, plan.cells[row][col]]).toEqual([address, english.cells[row][col]]);
    }
    expect(translated).toBeGreaterThan(untranslated.length * 5);
    for (const text of [plan.title, plan.description, plan.sheetName, ...plan.charts.map((c) => c.title), ...plan.names.map((n) => n.label)]) {
      expect(text).toMatch(HAN);
    }
  });

  test('through the formula engine: every number, boolean and named output is identical to English', () => {
    const zh = loadPlan(plan);
    const base = loadPlan(english);
    const zhValues = zh.engine.getSheetValues(zh.engine.getSheetId(zh.sheet) as number);
    const enValues = base.engine.getSheetValues(base.engine.getSheetId(base.sheet) as number);
    expect(zhValues.length).toBe(enValues.length);
    let compared = 0;
    enValues.forEach((row, r) =>
      row.forEach((value, c) => {
        if (typeof value === 'number' || typeof value === 'boolean') {
          expect([a1.formatCell(r, c), zhValues[r][c]]).toEqual([a1.formatCell(r, c), value]);
          compared++;
        }
      }),
    );
    expect(compared).toBeGreaterThan(20);
    for (const { name } of english.names) {
      const value = base.name(name);
      expect([name, isEngineError(value)]).toEqual([name, false]);
      const key = typeof value === 'string' ? KEY_OF_TEXT.get(value) : undefined;
      expect([name, zh.name(name)]).toEqual([name, key ? messages[key] : value]);
    }
    expect(zh.value(plan.allChecks)).toBe(true);
  });
});
