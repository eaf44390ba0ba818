/** What every `deals` subcommand shares: its I/O, exit codes, and how values and usage errors are printed. */
import { EngineScalar, EngineValue, isEngineError } from '../engine';

export interface CliIo {
  /** Standard input: a stream, or its whole text (tests). */
  readonly stdin: NodeJS.ReadableStream | string;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export interface Command {
  /** One line for the list of commands. */
  readonly summary: string;
  /** The command's usage text (after "Usage: "). */
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * One result as a line: a number as JavaScript prints it (full precision), text as is, TRUE/FALSE,
 * an error as "#CODE! message", an array as JSON (errors in it as "#CODE! message" strings).
 */
export function formatValue(value: EngineValue): string {
  if (Array.isArray(value)) return JSON.stringify(value.map((row) => row.map(jsonCell)));
  return formatScalar(value);
}

export function formatScalar(value: EngineScalar): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isEngineError(value)) return formatError(value.error, value.message);
  return String(value);
}

function jsonCell(value: EngineScalar): number | string | boolean | null {
  return isEngineError(value) ? formatError(value.error, value.message) : value;
}

function formatError(code: string, message: string): string {
  const oneLine = message.replace(/\s*\n\s*/g, ' ').trim();
  return oneLine ? `${code} ${oneLine}` : code;
}

/**
 * A system error as a sentence: what went wrong in words, the code in brackets (never a bare
 * "EIO: i/o error, read"). `what` says where, e.g. "cannot read standard input".
 */
export function systemErrorSentence(what: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code ? SYSTEM_ERROR_REASONS[code] : undefined;
  if (reason) return `${what}: ${reason} (${code})`;
  return `${what}: ${error instanceof Error ? error.message : String(error)}`;
}

const SYSTEM_ERROR_REASONS: Readonly<Record<string, string>> = {
  EIO: 'the device or terminal reported an input/output error',
  EPIPE: 'the other end of the pipe was closed',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file would be larger than the file-size limit allows',
  EAGAIN: 'the stream was not ready (non-blocking); try again through a pipe or a file',
};

export function usageError(io: CliIo, problem: string, usageText: string): number {
  io.stderr.write(`deals: ${problem}\n\n${usageText.startsWith('Usage:') ? usageText : `Usage: ${usageText}`}\n`);
  return EXIT_USAGE;
}

