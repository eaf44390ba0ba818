/**
 * The error every DEALS function raises for a question it cannot answer.
 *
 * `code` is the Excel error it becomes. Excel shows a custom message only for `#VALUE!` and
 * `#N/A`, so bad input is always `#VALUE!` with a message that names the function, the argument
 * and the rule; a well-posed question with no answer is `#NUM!`. The message is held as keys of
 * the error catalogue (`src/i18n/errors.ts`): `message` is English, `messageIn(locale)` any
 * language, with the function and argument named in ASCII in every one.
 */
import { ERROR_TEXTS, ErrorTextKey } from '../i18n/errors';
import { fillPlaceholders, Locale } from '../i18n/locale';

export type DealsErrorCode = '#VALUE!' | '#NUM!' | '#N/A';

/** A rule or reason from the error catalogue, with its placeholder values (names and numbers, never translated). */
export interface ErrorText {
  readonly key: ErrorTextKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The frame of a message: "<fn>: <arg> <rule>", or "<fn>: <why>" when no argument is at fault. */
interface ErrorFrame {
  readonly functionName: string;
  readonly argumentName?: string;
  readonly reason: ErrorText;
}

function frameIn(frame: ErrorFrame, locale: Locale): string {
  const texts = ERROR_TEXTS[locale];
  const reason = fillPlaceholders(texts[frame.reason.key], frame.reason.params, frame.reason.key);
  return frame.argumentName === undefined
    ? fillPlaceholders(texts.noSolution, { fn: frame.functionName, why: reason }, 'noSolution')
    : fillPlaceholders(texts.invalid, { fn: frame.functionName, arg: frame.argumentName, rule: reason }, 'invalid');
}

export class DealsError extends Error {
  constructor(
    readonly code: DealsErrorCode,
    readonly frame: ErrorFrame,
  ) {
    super(frameIn(frame, 'en'));
    this.name = 'DealsError';
  }

  /** The message in another language. */
  messageIn(locale: Locale): string {
    return frameIn(this.frame, locale);
  }
}

/** `#VALUE!` for an argument that breaks its rule: "WARRANTVALUE: shares must be a positive number". */
export function invalidArgument(functionName: string, argumentName: string, rule: ErrorText): DealsError {
  return new DealsError('#VALUE!', { functionName, argumentName, reason: rule });
}

/** `#NUM!` for a well-formed question that has no finite answer. */
export function noSolution(functionName: string, why: ErrorText): DealsError {
  return new DealsError('#NUM!', { functionName, reason: why });
}

/** `#VALUE!` for a failure inside a computation that is not a DealsError (a bug, never bad input). */
export function couldNotCompute(functionName: string, detail: string): DealsError {
  return new DealsError('#VALUE!', { functionName, reason: { key: 'why.couldNotCompute', params: { detail } } });
}
