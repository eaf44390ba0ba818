/**
 * Every `@example` in src/model runs and gives the output it states, so the docs cannot drift.
 * An example reads `@example <expression> // <output>`, the expression possibly continued on the
 * next comment lines; the output is a number or an array of numbers, optionally after a worked
 * "… =" and before a remark in parentheses. It holds to the decimals it is stated with.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as model from '../../src/model';

const MODEL_DIR = path.resolve(__dirname, '../../src/model');

interface Example {
  readonly file: string;
  readonly expression: string;
  readonly stated: string;
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const file of fs.readdirSync(MODEL_DIR).filter((f) => f.endsWith('.ts'))) {
    const lines = fs.readFileSync(path.join(MODEL_DIR, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      const start = /^\s*\*\s*@example\s+(.*)$/.exec(line);
      if (!start) return;
      let text = start[1];
      for (let j = i + 1; !text.includes('//') && j < lines.length; j++) {
        const more = /^\s*\*\s+(.*)$/.exec(lines[j]);
        if (!more) break;
        text += ' ' + more[1];
      }
      const cut = text.indexOf('//');
      if (cut < 0) throw new Error(`${file}: @example without "// output": ${text}`);
      found.push({ file, expression: text.slice(0, cut).trim(), stated: text.slice(cut + 2).trim() });
    });
  }
  return found;
}

/** The stated numbers: after the last "=", before a remark in parentheses. */
function statedNumbers(stated: string): string[] {
  const withoutRemark = stated.replace(/\s*\([^()]*\)\s*$/, '');
  const value = withoutRemark.includes('=') ? withoutRemark.slice(withoutRemark.lastIndexOf('=') + 1) : withoutRemark;
  return value.match(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi) ?? [];
}

function run(expression: string): unknown {
  const names = Object.keys(model);
  const values = names.map((n) => (model as Record<string, unknown>)[n]);
  return new Function(...names, `return (${expression});`)(...values);
}

const ALL = examples();

test('src/model has examples, each in the form the test reads', () => {
  expect(ALL.length).toBeGreaterThanOrEqual(12);
  for (const e of ALL) expect([e.file, e.stated, statedNumbers(e.stated).length > 0]).toEqual([e.file, e.stated, true]);
});

/** Whether a number holds to the decimals `text` states it with ("0.6374" holds for 0.63735 … 0.63745). */
function holdsAsStated(actual: number, text: string): boolean {
  const decimals = (text.split('.')[1] ?? '').replace(/e.*$/i, '').length;
  // a full-precision number to a few units in the last place
  const tolerance = Math.max(0.5 * 10 ** -decimals * (1 + 1e-9), 4 * Number.EPSILON * Math.abs(Number(text)));
  return Math.abs(actual - Number(text)) <= tolerance;
}

test.each(ALL.map((e) => [`${e.file}: ${e.expression.slice(0, 70)}`, e] as const))('%s', (_, e) => {
  const result = run(e.expression);
  const actual = (Array.isArray(result) ? result : [result]) as number[];
  const stated = statedNumbers(e.stated);
  expect(actual.length).toBe(stated.length);
  stated.forEach((text, i) => {
    expect(typeof actual[i]).toBe('number');
    expect([text, actual[i], holdsAsStated(actual[i], text)]).toEqual([text, actual[i], true]);
  });
});

test('the check rejects a wrong stated output: the funding example once said 0.5414 (it is 0.637411…, mpmath 1.3.0)', () => {
  const value = model.shortfallProbability(2000, 1200, 0.1, 0.3, 5);
  expect(holdsAsStated(value, '0.6374')).toBe(true);
  expect(holdsAsStated(value, '0.5414')).toBe(false);
  expect(holdsAsStated(value, '0.6375')).toBe(false); // off by one in the last stated place
  expect(holdsAsStated(value, '0.63741')).toBe(true);
  expect(holdsAsStated(value, '0.637412')).toBe(false);
});
