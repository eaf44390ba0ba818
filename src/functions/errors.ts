/**
 * The error every DEALS function raises for a question it cannot answer.
 *
 * `code` is the Excel error it becomes. Excel shows a custom message only for `#VALUE!` and
 * `#N/A`, so bad input is always `#VALUE!` with a message that names the function, the argument
 * and the rule; a well-posed question with no answer is `#NUM!`.
 */
export type DealsErrorCode = '#VALUE!' | '#NUM!' | '#N/A';

export class DealsError extends Error {
  constructor(
    readonly code: DealsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DealsError';
  }
}

/** `#VALUE!` for an argument that breaks its rule: "WARRANTVALUE: shares must be a positive number". */
export function invalidArgument(functionName: string, argumentName: string, rule: string): DealsError {
  return new DealsError('#VALUE!', `${functionName}: ${argumentName} ${rule}`);
}

/** `#NUM!` for a well-formed question that has no finite answer. */
export function noSolution(functionName: string, why: string): DealsError {
  return new DealsError('#NUM!', `${functionName}: ${why}`);
}
