/** A1 addresses: the helpers the SheetPlan builder and every sink share. */
import fc from 'fast-check';
import {
  cellText,
  columnIndex,
  columnLetters,
  formatCell,
  formatRange,
  formulaParts,
  isValidName,
  isValidSheetName,
  MAX_COLUMNS,
  MAX_ROWS,
  parseCell,
  parseRange,
  rangeCells,
  rangeContains,
  rangeSize,
  rangeText,
  toSheetName,
  tryParseCell,
  tryParseRange,
} from '../../src/scenarios/a1';

describe('column letters', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('%i ↔ %s', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });

  test('round trip for every column', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_COLUMNS - 1 }), (i) => columnIndex(columnLetters(i)) === i));
  });

  test('out of range is refused', () => {
    expect(() => columnLetters(-1)).toThrow(RangeError);
    expect(() => columnLetters(MAX_COLUMNS)).toThrow(RangeError);
    expect(() => columnLetters(1.5)).toThrow(RangeError);
    expect(() => columnIndex('XFE')).toThrow(RangeError);
    expect(() => columnIndex('ABCD')).toThrow(RangeError);
    expect(() => columnIndex('A1')).toThrow(RangeError);
  });
});

describe('cells and ranges', () => {
  test('format and parse cells, with and without $', () => {
    expect(formatCell(11, 1)).toBe('B12');
    expect(formatCell(11, 1, true)).toBe('$B$12');
    expect(formatCell(11, 1, { row: false, col: true })).toBe('$B12');
    expect(formatCell(11, 1, { row: true, col: false })).toBe('B$12');
    expect(parseCell('$B12')).toEqual({ row: 11, col: 1, rowAbsolute: false, colAbsolute: true });
    expect(cellText(parseCell('C$7'))).toBe('C$7');
    expect(parseCell('xfd1048576')).toMatchObject({ row: MAX_ROWS - 1, col: MAX_COLUMNS - 1 });
  });

  test('invalid cells', () => {
    for (const text of ['', 'A0', 'A', '1', 'B1048577', 'XFE1', 'A1:B2', 'AB$', '$$A1', 'A01', 'DEALS.X']) {
      expect(tryParseCell(text)).toBeUndefined();
    }
    expect(() => parseCell('A0')).toThrow(RangeError);
    expect(() => formatCell(-1, 0)).toThrow(RangeError);
    expect(() => formatCell(MAX_ROWS, 0)).toThrow(RangeError);
  });

  test('cell round trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_ROWS - 1 }), fc.integer({ min: 0, max: MAX_COLUMNS - 1 }), fc.boolean(), fc.boolean(), (row, col, r, c) => {
        const text = formatCell(row, col, { row: r, col: c });
        return cellText(parseCell(text)) === text;
      }),
    );
  });

  test('ranges: parse either corner first, format, size, cells, contains', () => {
    const range = parseRange('C5:B2');
    expect(range.start).toMatchObject({ row: 1, col: 1 });
    expect(range.end).toMatchObject({ row: 4, col: 2 });
    expect(rangeText(range)).toBe('B2:C5');
    expect(rangeText(range, true)).toBe('$B$2:$C$5');
    expect(rangeSize(range)).toEqual({ rows: 4, columns: 2 });
    expect([...rangeCells(parseRange('A1:B2'))]).toEqual([
      { row: 0, col: 0 },
      { row: 0, col: 1 },
      { row: 1, col: 0 },
      { row: 1, col: 1 },
    ]);
    expect(rangeContains(range, 1, 1)).toBe(true);
    expect(rangeContains(range, 5, 1)).toBe(false);
    expect(formatRange(3, 2, 3, 2)).toBe('C4');
    expect(formatRange(3, 2, 9, 2, true)).toBe('$C$4:$C$10');
    expect(rangeSize(parseRange('D7'))).toEqual({ rows: 1, columns: 1 });
    expect(tryParseRange('A1:B2:C3')).toBeUndefined();
    expect(tryParseRange('A1:')).toBeUndefined();
    expect(() => parseRange('nope')).toThrow(RangeError);
  });
});

describe('formulaParts', () => {
  test('references, ranges, functions, strings, booleans', () => {
    const parts = formulaParts('=DEALS.CIRCULARFLOW($C$20:$C$29,D20:D29,$B$12,,"roundTripShare",TRUE)+SUM(B2)');
    expect(parts.references.map((r) => r.text)).toEqual(['$C$20:$C$29', 'D20:D29', '$B$12', 'B2']);
    expect(parts.functions).toEqual(['DEALS.CIRCULARFLOW', 'SUM']);
    expect(parts.strings).toEqual(['roundTripShare']);
    expect(parts.names).toEqual([]);
  });

  test('numbers, exponents and function names that look like cells are not references', () => {
    const parts = formulaParts('=LOG10(A1)*1.5e-3+10^9+ATAN2(1,2)+.5');
    expect(parts.references.map((r) => r.text)).toEqual(['A1']);
    expect(parts.functions).toEqual(['LOG10', 'ATAN2']);
  });

  test('names and sheet-qualified references are reported', () => {
    const parts = formulaParts("=AMD_Price*Sheet1!$A$1+'My sheet'!B2:C3+Rate");
    expect(parts.names).toEqual(['AMD_Price', 'Rate']);
    expect(parts.references).toEqual([
      expect.objectContaining({ text: '$A$1', sheet: 'Sheet1' }),
      expect.objectContaining({ text: 'B2:C3', sheet: 'My sheet' }),
    ]);
  });

  test('string literals are skipped, doubled quotes kept', () => {
    const parts = formulaParts('=IF(A1>0,"say ""B2""","C3")');
    expect(parts.references.map((r) => r.text)).toEqual(['A1']);
    expect(parts.strings).toEqual(['say "B2"', 'C3']);
  });

  test('an unterminated string is a syntax error', () => {
    expect(() => formulaParts('="abc')).toThrow(SyntaxError);
  });
});

describe('Excel names and sheet names', () => {
  test.each(['AMD_WarrantValueAtTarget', 'NVDA_RoundTripShare', '_x', 'a.b', 'RC_Total', 'Rate', 'A_1', 'XFE1'])('valid name %s', (name) => {
    expect(isValidName(name)).toBe(true);
  });

  test.each(['', 'A1', 'AMD1', 'xfd1048576', 'R', 'C', 'r1c1', 'R2', 'C3', 'RC', 'TRUE', 'false', '1abc', 'a b', 'a-b', 'x'.repeat(256)])(
    'invalid name %s',
    (name) => {
      expect(isValidName(name)).toBe(false);
    },
  );

  test('sheet names', () => {
    expect(isValidSheetName('AMD warrants')).toBe(true);
    expect(isValidSheetName('x'.repeat(31))).toBe(true);
    for (const bad of ['', 'x'.repeat(32), 'a/b', 'a:b', 'a[1]', 'a*', 'a?', 'a\\b', "'quoted", "quoted'", 'History']) {
      expect(isValidSheetName(bad)).toBe(false);
    }
  });

  test('toSheetName makes any text a valid sheet name', () => {
    expect(toSheetName('Oracle: 2027/2031 [draft]?')).toBe('Oracle 2027 2031 draft');
    expect(toSheetName("'x'")).toBe('x');
    expect(toSheetName('History')).toBe('Sheet');
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => isValidSheetName(toSheetName(text))));
  });
});
