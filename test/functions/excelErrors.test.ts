/**
 * What Excel shows for a bad DEALS call: the wrappers of functions.ts throw a CustomFunctions.Error
 * with the message in Office's display language (function and argument names stay ASCII), and
 * English where the runtime does not know the language.
 */
import * as excel from '../../src/functions/functions';
import { DealsError } from '../../src/functions/errors';
import * as impl from '../../src/functions/implementations';

class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

const globals = globalThis as unknown as { CustomFunctions?: unknown; Office?: unknown };

beforeAll(() => {
  globals.CustomFunctions = { Error: FakeCustomFunctionsError, ErrorCode: { invalidValue: '#VALUE!', invalidNumber: '#NUM!', notAvailable: '#N/A' } };
});
afterAll(() => {
  delete globals.CustomFunctions;
  delete globals.Office;
});

function thrown(call: () => unknown): FakeCustomFunctionsError {
  try {
    call();
  } catch (error) {
    return error as FakeCustomFunctionsError;
  }
  throw new Error('expected the call to fail');
}

const withDisplayLanguage = (language: string) => {
  globals.Office = { context: { displayLanguage: language } };
};

describe('DEALS error messages in Excel follow Office.context.displayLanguage', () => {
  test.each([
    ['zh-TW', 'WARRANTVALUE：shares 必須是正數'],
    ['zh-HK', 'WARRANTVALUE：shares 必須是正數'],
    ['zh-CN', 'WARRANTVALUE：shares 必须是正数'],
    ['en-US', 'WARRANTVALUE: shares must be a positive number'],
    ['de-DE', 'WARRANTVALUE: shares must be a positive number'],
  ])('%s', (language, message) => {
    withDisplayLanguage(language);
    const error = thrown(() => excel.warrantValue(-1, 0.01, 100));
    expect([error.code, error.message]).toEqual(['#VALUE!', message]);
  });

  test('rules with values keep them: shapes, choices, ranges', () => {
    withDisplayLanguage('zh-TW');
    expect(thrown(() => excel.fundingGap([[1, 2, 3]], [[1, 2]])).message).toBe('FUNDINGGAP：projected 的形狀必須與 required 相同（1×3）');
    expect(thrown(() => excel.circularFlow([[1]], [[1]], [[0.5]], [[0]], 'nope')).message).toMatch(/^CIRCULARFLOW：metric 必須是下列之一：[a-zA-Z, ]+$/);
    withDisplayLanguage('zh-CN');
    expect(thrown(() => excel.fundingRisk([[1, 2]], 10, [[0.1]], 0.3, [[1]], 0, [[0]], 5)).message).toBe('FUNDINGRISK：paths 必须是 1,000 到 1,000,000 之间的整数');
    const century = [Array.from({ length: 101 }, () => 1)];
    expect(thrown(() => excel.fundingRisk(century, 10, [[0.1]], 0.3, [[1]], 0, [[0]], 1e6)).message).toBe('FUNDINGRISK：paths × obligations 的年数（101）不得超过 100,000,000 路径年');
    withDisplayLanguage('zh-TW');
    expect(thrown(() => excel.fundingRisk(century, 10, [[0.1]], 0.3, [[1]], 0, [[0]], 1e6)).message).toBe('FUNDINGRISK：paths × obligations 的年數（101）不得超過 100,000,000 路徑年');
    withDisplayLanguage('zh-CN');
    expect(thrown(() => excel.warrantValue(1, 0.01, 100, 0.5)).message).toBe('WARRANTVALUE：years 必须与 volatility 一并提供（两者都省略则计算内在价值）');
  });

  test('#NUM! carries no message (Excel shows none); the DealsError underneath has it in every language', () => {
    withDisplayLanguage('zh-TW');
    const error = thrown(() => excel.breakevenPrice(1, 0.01, 1e308 * 10));
    expect(error.code).toBe('#VALUE!'); // Infinity is not a number Excel can pass: bad input
    const noPrice = thrown(() => excel.trancheBreakeven([[1]], 0.01, 100, [[600]], 0.5, 5, 0, 0, [[0]]));
    expect([noPrice.code, noPrice.message]).toEqual(['#NUM!', '']);
    let underlying: DealsError | undefined;
    try {
      impl.trancheBreakeven(1, 0.01, 100, 600, 0.5, 5, 0, 0, 0);
    } catch (e) {
      underlying = e as DealsError;
    }
    expect(underlying!.message).toBe('TRANCHEBREAKEVEN: every milestone probability is 0, so the tranches are worth 0 at any price');
    expect(underlying!.messageIn('zh-Hant')).toBe('TRANCHEBREAKEVEN：所有里程碑機率皆為 0，因此各批次在任何股價下價值皆為 0');
  });

  test('English where the runtime cannot say: no Office, or Office.context not ready', () => {
    delete globals.Office;
    expect(thrown(() => excel.warrantValue('abc', 0.01, 100)).message).toBe('WARRANTVALUE: shares must be a positive number');
    globals.Office = {
      get context(): never {
        throw new Error('Office.js has not fully loaded');
      },
    };
    expect(thrown(() => excel.warrantValue('abc', 0.01, 100)).message).toBe('WARRANTVALUE: shares must be a positive number');
  });
});
