/**
 * Turns a DEALS error into what the host shows. In Excel (where the `CustomFunctions` global
 * exists) it becomes a `CustomFunctions.Error`, whose message Excel shows for `#VALUE!` and
 * `#N/A`, in Office's display language where the runtime knows it (`Office.context.displayLanguage`;
 * English otherwise); elsewhere the `DealsError` itself travels on to the formula engine or the CLI.
 */
import { resolveLocale } from '../i18n/locale';
import type { Locale } from '../i18n/locale';
import { couldNotCompute, DealsError } from './errors';

/** Runs one custom-function call and converts any failure, so a user never sees a stack trace. */
export function asExcelFunction<T>(functionName: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    const dealsError = error instanceof DealsError ? error : couldNotCompute(functionName, describe(error));
    if (typeof CustomFunctions === 'undefined') throw dealsError;
    const code = excelErrorCode(dealsError.code);
    // Excel accepts a message only with #VALUE! and #N/A.
    throw dealsError.code === '#NUM!' ? new CustomFunctions.Error(code) : new CustomFunctions.Error(code, dealsError.messageIn(displayLocale()));
  }
}

/** Office's display language as one of ours; English before Office is ready or outside Office. */
export function displayLocale(): Locale {
  try {
    return resolveLocale(typeof Office === 'undefined' ? undefined : Office.context?.displayLanguage);
  } catch {
    return 'en'; // Office.context can throw before Office.onReady
  }
}

function excelErrorCode(code: DealsError['code']): CustomFunctions.ErrorCode {
  switch (code) {
    case '#NUM!':
      return CustomFunctions.ErrorCode.invalidNumber;
    case '#N/A':
      return CustomFunctions.ErrorCode.notAvailable;
    default:
      return CustomFunctions.ErrorCode.invalidValue;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
