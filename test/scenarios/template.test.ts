/**
 * The template language (src/scenarios/template.ts): every form of reference, parsed and resolved
 * against a small hand-made layout whose addresses are worked out here by hand, and every error.
 */
import { GridLayout, parseReference, parseTemplate, resolveTemplate, TableLayout, TemplateError, TemplateLookup, TemplateScope } from '../../src/scenarios/template';

// Rows and columns are 0-based: row 11, column 1 is B12.
const table: TableLayout = { columns: new Map([['label', 0], ['value', 2]]), firstRow: 19, lastRow: 28, totalRow: 29 }; // C20:C29, total C30
const short: TableLayout = { columns: new Map([['a', 1]]), firstRow: 40, lastRow: 41 }; // B41:B42, no totals
const grid: GridLayout = { headerRow: 23, firstRow: 24, lastRow: 26, lead: new Map([['iv', 1]]), firstMatrixCol: 2, matrixColumns: 3 }; // axis A25:A27, lead B, matrix C–E
const messages: Record<string, string> = { 'k.plain': 'Bubble', 'k.quoted': 'Say "hi"' };

const lookup: TemplateLookup = {
  scalar: (id) => (id === 'x' ? { row: 11, col: 1 } : undefined),
  table: (id) => (id === 't' ? table : id === 'short' ? short : undefined),
  grid: (id) => (id === 'g' ? grid : undefined),
  spill: (id) => (id === 's' ? { row: 40, col: 1 } : undefined),
  message: (key) => {
    if (!(key in messages)) throw new Error(`Unknown message key: ${key}`);
    return messages[key];
  },
};

const inTableRow: TemplateScope = { table, rowIndex: 2, row: 21, index: 3 }; // the third data row, C22
const inGridCell: TemplateScope = { grid, row: 25, col: 3 }; // D26
const resolve = (template: string, scope: TemplateScope = {}) => resolveTemplate(template, scope, lookup);

describe('every reference form', () => {
  test.each<[string, TemplateScope, string]>([
    ['={x}*2', {}, '=$B$12*2'],
    ['=SUM({t.value})', {}, '=SUM($C$20:$C$29)'],
    ['={t.value.first}+{t.value.last}', {}, '=$C$20+$C$29'],
    ['={t.value.total}', {}, '=$C$30'],
    ['={t.value.1}+{t.value.3}+{t.value.10}', {}, '=$C$20+$C$22+$C$29'],
    ['={t.value.head}', {}, '=$C$19'],
    ['={.value}*2', inTableRow, '=C22*2'],
    ['={short.a@}', { table, rowIndex: 1, row: 20, index: 2 }, '=B42'],
    ['={#}', inTableRow, '=3'],
    ['={s[0,1]}+{s[2,0]}', {}, '=$C$41+$B$43'],
    ['=ROWS({g.rows})', {}, '=ROWS($A$25:$A$27)'],
    ['=SUM({g.lead.iv})', {}, '=SUM($B$25:$B$27)'],
    ['=MAX({g.col.1})+{g.head.3}', {}, '=MAX($C$25:$C$27)+$E$24'],
    ['={row}*{col}', inGridCell, '=$A26*D$24'],
    ['=IF({x}>0,{str:k.plain},{str:k.quoted})', {}, '=IF($B$12>0,"Bubble","Say ""hi""")'],
  ])('%s', (template, scope, expected) => {
    expect(resolve(template, scope)).toBe(expected);
  });

  test('whitespace inside the braces is ignored; text outside them is kept as it is', () => {
    expect(resolve('= { x } + 1 ')).toBe('= $B$12 + 1 ');
    expect(resolve('=SUM( { t.value.first } )')).toBe('=SUM( $C$20 )');
  });

  test('braces that enclose no reference stay text', () => {
    expect(resolve('={}&"}"&"{"')).toBe('={}&"}"&"{"');
    expect(resolve('={{x}}')).toBe('={$B$12}');
    expect(resolve('no references at all')).toBe('no references at all');
  });

  test('an id names a table before a grid: a table column called "rows" is the table\'s', () => {
    const both: TemplateLookup = { ...lookup, table: (id) => (id === 'g' ? { columns: new Map([['rows', 4]]), firstRow: 1, lastRow: 2 } : undefined) };
    expect(resolveTemplate('={g.rows}', {}, both)).toBe('=$E$2:$E$3');
  });
});

describe('the parser', () => {
  test('a template is text and references, in order, each reference its AST node', () => {
    expect(parseTemplate('=A1+{x}*{ t.value.first }-{s[1,2]}')).toEqual([
      { kind: 'text', text: '=A1+' },
      { kind: 'reference', source: 'x', reference: { kind: 'scalar', id: 'x' } },
      { kind: 'text', text: '*' },
      { kind: 'reference', source: 't.value.first', reference: { kind: 'member', id: 't', member: 'value', part: 'first' } },
      { kind: 'text', text: '-' },
      { kind: 'reference', source: 's[1,2]', reference: { kind: 'spill', id: 's', row: 1, col: 2 } },
    ]);
  });

  test.each<[string, unknown]>([
    ['#', { kind: 'index' }],
    ['row', { kind: 'gridRow' }],
    ['col', { kind: 'gridCol' }],
    ['str:k.plain', { kind: 'string', key: 'k.plain' }],
    ['.value', { kind: 'sameRow', column: 'value' }],
    ['t.value@', { kind: 'member', id: 't', member: 'value@' }],
    ['g.lead.iv', { kind: 'member', id: 'g', member: 'lead', part: 'iv' }],
  ])('{%s}', (source, ast) => {
    expect(parseReference(source)).toEqual(ast);
  });

  test.each([
    ['a.b.c.d', 'at most id.member.part'],
    ['t..first', 'an empty name'],
    ['t.', 'an empty name'],
    ['s[1]', 'a spilled-block cell is id[row,column] with 0-based whole numbers'],
    ['s[1, 2]', 'a spilled-block cell is id[row,column] with 0-based whole numbers'],
    ['s[-1,0]', 'a spilled-block cell is id[row,column] with 0-based whole numbers'],
  ])('{%s} is not a reference: %s', (source, why) => {
    expect(() => parseTemplate(`={${source}}`)).toThrow(new TemplateError(source, `={${source}}`, why));
  });
});

describe('every error names the reference, the template and why', () => {
  test.each<[string, TemplateScope, string]>([
    ['={#}', {}, 'no row number here'],
    ['={row}', inTableRow, '{row} is only for grid cells'],
    ['={col}', { grid, index: 1 }, '{col} is only for grid cells'],
    ['={.value}', {}, 'same-row reference outside a table'],
    ['={.nope}', inTableRow, 'no such column'],
    ['={nope[0,0]}', {}, 'no such spilled block'],
    ['={nope}', {}, 'no such row'],
    ['={nope.value}', {}, 'unknown id'],
    ['={t.nope}', {}, 'no such column'],
    ['={t.nope@}', inTableRow, 'no such column'],
    ['={t.value@}', {}, '@ needs a table row'],
    ['={short.a@}', inTableRow, 'the other table is shorter'],
    ['={t.value.middle}', {}, 'unknown part'],
    ['={short.a.total}', {}, 'no totals row'],
    ['={t.value.0}', {}, 'no such row in the table'],
    ['={t.value.11}', {}, 'no such row in the table'],
    ['={g.lead.nope}', {}, 'no such lead column'],
    ['={g.lead}', {}, 'no such lead column'],
    ['={g.col.0}', {}, 'no such grid column'],
    ['={g.col.4}', {}, 'no such grid column'],
    ['={g.col.one}', {}, 'no such grid column'],
    ['={g.head}', {}, 'no such grid column'],
    ['={g.cell.1}', {}, 'unknown grid part'],
  ])('%s', (template, scope, why) => {
    const source = template.slice(2, -1);
    expect(() => resolve(template, scope)).toThrow(new TemplateError(source, template, why));
    expect(() => resolve(template, scope)).toThrow(`cannot resolve {${source}} in ${template}: ${why}`);
  });

  test('an unknown catalogue key is the catalogue\'s own error', () => {
    expect(() => resolve('={str:k.nope}')).toThrow('Unknown message key: k.nope');
  });
});
