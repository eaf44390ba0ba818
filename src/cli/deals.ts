/**
 * The `deals` command line. `main(argv, io)` runs one invocation and resolves to its exit code, so
 * tests drive it with strings; `bin/deals.js` runs it with the process's streams.
 *
 * Subcommands live in `COMMANDS`; a new one (e.g. `deals scenario …`) is one more entry.
 *
 * Exit codes: 0 done (Excel errors in results included), 1 failed, 2 usage error.
 */
import { createEngine, evaluateFormula } from '../engine';
import { describeFormulaLimit, FormulaLimitError, formulaLimitBreach, MAX_FORMULA_DEPTH } from '../engine/limits';
import { formulaSyntaxError } from '../engine/syntax';
import { CliIo, Command, EXIT_FAILED, EXIT_OK, EXIT_USAGE, formatValue, systemErrorSentence, usageError } from './common';

export { formatValue, systemErrorSentence } from './common';
export type { CliIo, Command } from './common';

const evalCommand: Command = {
  summary: 'evaluate Excel formulas (DEALS functions included), one result line each',
  usage: [
    'deals eval FORMULA...',
    '       deals eval -            (formulas from standard input, one per line)',
    '',
    'Each formula is evaluated in an empty workbook; the leading "=" may be left out. Output, one line',
    'per formula: a number at full precision, text as is, TRUE/FALSE, an error as "#CODE! message",',
    'an array as JSON. "-" may be mixed with formulas; after "--" every argument is a formula.',
    'An argument such as --json is an unknown option (exit status 2), not a formula.',
    'A formula that does not parse is refused, as Excel refuses it: an empty output line, a message on',
    'standard error saying where it broke, exit status 2 (the other formulas are still evaluated). So is',
    `one beyond Excel's limits (8,192 characters, 64 nested levels) or chaining more than ${MAX_FORMULA_DEPTH} operators.`,
    'An unknown function is #NAME?, as in Excel (exit status 0).',
    '',
    'Example: deals eval "=DEALS.WARRANTVALUE(160000000,0.01,600)"   → 95998400000',
  ].join('\n'),
  async run(args, io) {
    const formulas: string[] = [];
    let literal = false;
    for (const arg of args) {
      if (!literal && arg === '--') literal = true;
      else if (!literal && arg === '-') {
        try {
          formulas.push(...nonBlankLines(await readAll(io.stdin)));
        } catch (error) {
          io.stderr.write(`deals: ${systemErrorSentence('cannot read the formulas from standard input', error)}\n`);
          return EXIT_FAILED;
        }
      } else if (!literal && isOptionLike(arg)) {
        return usageError(io, `eval: unknown option ${arg} (eval takes no options; a formula that starts with "--" goes after "--" or with its "=")`, evalCommand.usage);
      } else formulas.push(arg);
    }
    if (formulas.length === 0) return usageError(io, 'eval: no formulas given', evalCommand.usage);

    const engine = createEngine();
    let status = EXIT_OK;
    const refuse = (formula: string, why: string) => {
      io.stdout.write('\n');
      io.stderr.write(`deals: ${shortened(formula.trim())} is not a valid formula: ${why}\n`);
      status = Math.max(status, EXIT_USAGE);
    };
    for (const formula of formulas) {
      // Every check inside the handler: a formula the engine cannot take stops only itself.
      try {
        const trimmed = formula.trim();
        const limit = formulaLimitBreach(trimmed.startsWith('=') ? trimmed : `=${trimmed}`);
        const syntax = limit ? undefined : formulaSyntaxError(formula);
        if (limit || syntax) refuse(formula, limit ? describeFormulaLimit(limit) : syntax!.description);
        else io.stdout.write(formatValue(evaluateFormula(engine, formula)) + '\n');
      } catch (error) {
        if (error instanceof FormulaLimitError) {
          refuse(formula, error.message);
          continue;
        }
        io.stderr.write(`deals: could not evaluate ${shortened(formula)}: ${error instanceof Error ? error.message : String(error)}\n`);
        status = Math.max(status, EXIT_FAILED);
      }
    }
    return status;
  },
};

/**
 * A command whose module is loaded when it is used: `deals eval` then never loads the presets, and
 * start-up stays close to the time HyperFormula takes to load (`npm run bench -- cli` measures both).
 */
function lazyCommand(summary: string, load: () => Command): Command {
  return {
    summary,
    get usage() {
      return load().usage;
    },
    run: (args, io) => load().run(args, io),
  };
}

/** The subcommands, by name. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  eval: evalCommand,
  scenario: lazyCommand('the preset deals: list, show (evaluated, with what-if inputs), export to .xlsx', () => (require('./scenario') as typeof import('./scenario')).scenarioCommand),
};

export function usage(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((name) => name.length));
  return [
    'Usage: deals COMMAND [ARGS...]',
    '',
    'Commands:',
    ...names.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name].summary}`),
    '',
    'Options: -h, --help  show this help (deals COMMAND --help: help on one command)',
  ].join('\n');
}

/** Runs one invocation of `deals` with these arguments (without "node" and the script) and resolves to its exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) return usageError(io, 'no command given', usage());
  if (name === '-h' || name === '--help' || name === 'help') {
    io.stdout.write(usage() + '\n');
    return EXIT_OK;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return usageError(io, `unknown command "${name}"`, usage());
  if (args[0] === '-h' || args[0] === '--help') {
    io.stdout.write(`Usage: ${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    io.stderr.write(`${systemErrorSentence(`deals ${name}`, error)}\n`);
    return EXIT_FAILED;
  }
}

/**
 * An argument that is an option, not a formula: "--" and a letter (--json, --xlsx). A formula
 * without its "=" may start with "-" (-1+2, -PI()) or even "--" and a digit (--1), so only a
 * letter after "--" is taken as an option.
 */
export function isOptionLike(arg: string): boolean {
  return /^--[A-Za-z]/.test(arg);
}

/** A formula as messages quote it: at most 80 characters (an 8,192-character one would bury the reason). */
function shortened(formula: string): string {
  return formula.length <= 80 ? formula : `${formula.slice(0, 77)}…`;
}

function nonBlankLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

async function readAll(input: NodeJS.ReadableStream | string): Promise<string> {
  if (typeof input === 'string') return input;
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}
