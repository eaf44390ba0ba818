import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { main } from '../src/cli/deals';
import { formulaSyntaxError } from '../src/engine/syntax';

function sink() {
  let text = '';
  return {
    write(chunk: string) {
      text += chunk;
      return true;
    },
    get text() {
      return text;
    },
  };
}

async function deals(argv: string[], stdin: NodeJS.ReadableStream | string = '') {
  const stdout = sink();
  const stderr = sink();
  const code = await main(argv, { stdin, stdout, stderr });
  return { code, lines: stdout.text.split('\n').slice(0, -1), stdout: stdout.text, stderr: stderr.text };
}

describe('deals eval', () => {
  it.each([
    ['=DEALS.WARRANTVALUE(160000000,0.01,600)', '95998400000'],
    ['=DEALS.FUNDINGGAP(2000,1200)', '800'],
    ['=DEALS.REQUIREDREVENUE(500,0.25)', '2000'],
    ['=DEALS.CIRCULARFLOW(10,35,,,"roundTripShare")', '0.2857142857142857'],
    ['=1/3', '0.3333333333333333'],
    ['=1.6E+8*10', '1600000000'],
    ['=1E+300*1E+10', '#NUM! NaN or infinite value encountered.'],
    ['=TRUE', 'TRUE'],
    ['=1>2', 'FALSE'],
    ['="text, as is"', 'text, as is'],
    ['=DEALS.FUNDINGGAP({100,120},{80,130},5)', '[[15,5]]'],
    ['=DEALS.CIRCULARFLOW(10,35)', '[["roundTripShare",0.2857142857142857],["customerCashNeed",25],["vendorNetCash",-10],["effectiveDiscount",0],["netPrice",35]]'],
  ])('%s → %s', async (formula, line) => {
    const result = await deals(['eval', formula]);
    expect(result).toMatchObject({ code: 0, lines: [line], stderr: '' });
  });

  it('BREAKEVENPRICE prints 562.51 to 1e-9 relative', async () => {
    const { code, lines } = await deals(['eval', '=DEALS.BREAKEVENPRICE(160000000,0.01,90000000000)']);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^[0-9.]+$/);
    expect(Math.abs(Number(lines[0]) - 562.51) / 562.51).toBeLessThan(1e-9);
  });

  it('prints an Excel error as "#CODE! message" and still exits 0', async () => {
    const { code, lines } = await deals(['eval', '=DEALS.WARRANTVALUE(-5,0.01,600)', '=1/0', '=DEALS.BREAKEVENPRICE(1E-300,0,1E+300)']);
    expect(code).toBe(0);
    expect(lines).toEqual([
      '#VALUE! WARRANTVALUE: shares must be a positive number',
      expect.stringMatching(/^#DIV\/0!/),
      '#NUM! BREAKEVENPRICE: no finite share price gives that value',
    ]);
  });

  it('prints one line per formula, in order, with or without the leading =', async () => {
    const { code, lines } = await deals(['eval', 'DEALS.FUNDINGGAP(2000,1200)', '=2+2', '1/4']);
    expect(code).toBe(0);
    expect(lines).toEqual(['800', '4', '0.25']);
  });

  it('refuses a formula that does not parse as Excel does: exit 2, where it broke, the other formulas still evaluated', async () => {
    const { code, lines, stderr } = await deals(['eval', '=1+*2', '=2+2', '(1+', '=SUM(1,2', '="abc', '=1)']);
    expect(code).toBe(2);
    expect(lines).toEqual(['', '4', '', '', '', '']);
    expect(stderr.split('\n').slice(0, -1)).toEqual([
      'deals: =1+*2 is not a valid formula: unexpected "*" at character 4',
      'deals: (1+ is not a valid formula: it ends before it is complete, 1 "(" not closed',
      'deals: =SUM(1,2 is not a valid formula: it ends before it is complete, 1 "(" not closed',
      'deals: ="abc is not a valid formula: the text in quotes from character 2 is never closed',
      'deals: =1) is not a valid formula: unexpected ")" at character 3 (no "(" to close)',
    ]);
    expect(stderr).not.toMatch(/Parsing error|Expecting|token|#ERROR!/i);
  });

  it('an unknown function is #NAME? with exit 0, as in Excel', async () => {
    expect(await deals(['eval', '=NOPE(1)', '=DEALS.NOPE(2)'])).toMatchObject({ code: 0, lines: [expect.stringMatching(/^#NAME\?/), expect.stringMatching(/^#NAME\?/)], stderr: '' });
  });

  it('reads formulas from standard input with "-", one per line, skipping blank lines', async () => {
    const stdin = '=DEALS.FUNDINGGAP(2000,1200)\n\n   \r\n=DEALS.REQUIREDREVENUE(500,0.25)\r\n1/4\n';
    expect(await deals(['eval', '-'], stdin)).toMatchObject({ code: 0, lines: ['800', '2000', '0.25'] });
    const stream = Readable.from(['=1/3\n', '\n=DEALS.WARRANTVALUE(160000000', ',0.01,600)\n']);
    expect(await deals(['eval', '-'], stream)).toMatchObject({ code: 0, lines: ['0.3333333333333333', '95998400000'] });
  });

  it("a formula beyond Excel's limits or too deep for the engine is refused alone: the formulas after it are still evaluated", async () => {
    const chain = (n: number) => '=' + Array(n).fill('1').join('+');
    const lines = ['=1+1', chain(1500), '=' + '('.repeat(200) + '1' + ')'.repeat(200), '=' + '1'.repeat(8192), chain(500), '=2+2'];
    const { code, lines: out, stderr } = await deals(['eval', '-'], lines.join('\n') + '\n');
    expect(out).toEqual(['2', '', '', '', '500', '4']);
    expect(code).toBe(2);
    const reasons = stderr.trim().split('\n');
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/^deals: =1\+1\+1.{60,}… is not a valid formula: it chains more than 500 operators/);
    expect(reasons[1]).toMatch(/it nests 200 levels of brackets \(the 65th opens at character 66\), and Excel takes at most 64$/);
    expect(reasons[2]).toMatch(/it is 8193 characters long, and Excel takes formulas of at most 8192$/);
    expect(stderr).not.toMatch(/call stack|RangeError|not computed/i);
  });

  it('"--" ends the options: "-" after it is a formula', async () => {
    expect(await deals(['eval', '--', '-1'])).toMatchObject({ code: 0, lines: ['-1'] });
  });
});

describe('formulaSyntaxError: where a formula stops being one', () => {
  it.each([
    ['=1+*2', 4, '*'],
    [' =1 2', 5, '2'],
    ['=SUM(1;2)', 7, ';'],
    ['=1+#', 4, '#'],
    ['={1,2', 6, ''],
    ["='a b'!A1+", 11, ''],
    ["='a b", 2, "'a b"],
    ['1+', 3, ''],
  ])('%j breaks at character %d (found %j)', (formula, position, found) => {
    expect(formulaSyntaxError(formula)).toMatchObject({ position, found });
  });

  it.each(['=1+1', 'DEALS.FUNDINGGAP(2000,1200)', '=TRUE', '=1.6E+8*10', '="say ""hi"""', "='a b'!A1+1", '=NOPE(1)', '=SUM(A1:B2)'])('%j parses', (formula) => {
    expect(formulaSyntaxError(formula)).toBeUndefined();
  });
});

describe('usage', () => {
  it.each([
    [[], /no command given/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['eval'], /no formulas given/],
    [['eval', '-'], /no formulas given/],
    [['eval', '--json', '=1+1'], /eval: unknown option --json/],
    [['eval', '=1+1', '--verbose'], /eval: unknown option --verbose/],
  ])('deals %p is a usage error (exit 2, message on stderr)', async (argv, message) => {
    const result = await deals(argv as string[]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Usage: deals/);
  });

  it('a formula without its "=" may still start with "-" or "--" and a digit; after "--" anything is a formula', async () => {
    expect(await deals(['eval', '-1+2', '--1', '-PI()*0'])).toMatchObject({ code: 0, lines: ['1', '1', '0'] });
    expect((await deals(['eval', '--', '--json'])).lines[0]).toMatch(/^#NAME\?/);
  });

  it('standard input that fails is a sentence with the reason, not a raw EIO', async () => {
    const failing = new Readable({
      read() {
        this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
      },
    });
    const result = await deals(['eval', '-'], failing);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('deals: cannot read the formulas from standard input: the device or terminal reported an input/output error (EIO)\n');
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const result = await deals(argv);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^Usage: deals COMMAND/);
      expect(result.stdout).toMatch(/eval/);
    }
    const evalHelp = await deals(['eval', '--help']);
    expect(evalHelp).toMatchObject({ code: 0, stderr: '' });
    expect(evalHelp.stdout).toMatch(/^Usage: deals eval FORMULA/);
  });
});

describe('bin/deals.js', () => {
  it('runs as a program', () => {
    const root = path.resolve(__dirname, '..');
    const output = execFileSync(process.execPath, [path.join(root, 'bin', 'deals.js'), 'eval', '=DEALS.WARRANTVALUE(160000000,0.01,600)', 'DEALS.FUNDINGGAP({1,2},0)'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(output).toBe('95998400000\n[[1,3]]\n');
    // It ran the compiled CLI, which is current with the sources (bin/compiledCli.js): asking again does not rebuild it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { compiledCli, OUT_FILE } = require(path.join(root, 'bin', 'compiledCli.js'));
    const built = fs.statSync(OUT_FILE).mtimeMs;
    expect(compiledCli()).toBe(OUT_FILE);
    expect(fs.statSync(OUT_FILE).mtimeMs).toBe(built);
  }, 60_000);

  it('standard output that cannot be written (/dev/full) is a sentence and exit 1, not a stack trace', () => {
    const root = path.resolve(__dirname, '..');
    if (!fs.existsSync('/dev/full')) return; // Linux only
    const full = fs.openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [path.join(root, 'bin', 'deals.js'), 'eval', '=1+1'], { cwd: root, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', full, 'pipe'] });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe('deals: cannot write to standard output: the disk is full (ENOSPC)\n');
    } finally {
      fs.closeSync(full);
    }
  }, 60_000);

  it('exits 2 for a formula that does not parse, printing the others', () => {
    const root = path.resolve(__dirname, '..');
    const result = spawnSync(process.execPath, [path.join(root, 'bin', 'deals.js'), 'eval', '=2*3', '=2*'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('6\n\n');
    expect(result.stderr).toBe('deals: =2* is not a valid formula: it ends before it is complete\n');
  }, 60_000);
});
