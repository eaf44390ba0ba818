/**
 * Keeps Excel's view of the DEALS functions (the metadata custom-functions-metadata generates
 * from the JSDoc in src/functions/functions.ts, as the webpack build does) in agreement with the
 * catalog the other surfaces use (DEALS_FUNCTIONS) and with the module's exports. Also checks
 * the task pane's function list against the catalog.
 */
import * as path from 'path';
import { generateCustomFunctionsMetadata, IAssociate, IFunction } from 'custom-functions-metadata';
import { DEALS_FUNCTIONS } from '../src/functions/catalog';
import { descriptionKeys } from '../src/functions/table';
import { CATALOGUES, en, isMessageKey, LOCALES } from '../src/i18n';
import type { MessageKey } from '../src/i18n';
import * as functionsModule from '../src/functions/functions';
import { FUNCTION_EXAMPLES } from '../src/taskpane/examples';

const FUNCTIONS_TS = path.resolve(__dirname, '../src/functions/functions.ts');

let functions: IFunction[] = [];
let associations: IAssociate[] = [];
let errors: string[] = [];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_TS, true);
  errors = result.errors;
  associations = result.associate;
  functions = errors.length === 0 ? (JSON.parse(result.metadataJson) as { functions: IFunction[] }).functions : [];
}, 60_000);

const byId = (id: string): IFunction => {
  const found = functions.filter((f) => f.id === id);
  if (found.length !== 1) throw new Error(`${id} appears ${found.length} times in the metadata`);
  return found[0];
};

describe('custom functions metadata (functions.ts JSDoc) vs catalog', () => {
  test('generates without errors', () => {
    expect(errors).toEqual([]);
    expect(functions.length).toBeGreaterThan(0);
  });

  test('has the same set of function ids as the catalog, each id also its Excel name', () => {
    const ids = functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(DEALS_FUNCTIONS.map((f) => f.name).sort());
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  test.each(DEALS_FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s: parameters match the catalog (names, count, optional)', (name, spec) => {
    const parameters = byId(name).parameters;
    expect(parameters.map((p) => p.name)).toEqual(spec.parameters.map((p) => p.name));
    expect(parameters.map((p) => p.optional === true)).toEqual(spec.parameters.map((p) => p.optional));
  });

  test.each(DEALS_FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s: every default the table declares is the one the description states', (name, spec) => {
    const stated = (value: number | boolean) => (typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : value.toLocaleString('en-US'));
    const parameters = byId(name).parameters;
    spec.parameters.forEach((param, i) => {
      if (!('default' in param.read) || param.read.default === undefined) return;
      const description = parameters[i].description ?? '';
      expect([param.name, description]).toEqual([param.name, expect.stringMatching(new RegExp(`default[^)]*\\b${stated(param.read.default)}\\b|${stated(param.read.default)} \\(default\\)|\\b${stated(param.read.default)} or omitted`))]);
    });
  });

  test.each(DEALS_FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s: the table names a description in every catalogue, equal in English to the JSDoc', (name, spec) => {
    const keys = descriptionKeys(spec);
    const metadata = byId(name);
    const english = [metadata.description, ...metadata.parameters.map((p) => p.description)];
    [keys.description, ...keys.parameters].forEach((key, i) => {
      expect(isMessageKey(key)).toBe(true);
      for (const locale of LOCALES) expect([locale, key, (CATALOGUES[locale] as Record<string, string>)[key]?.length > 0]).toEqual([locale, key, true]);
      expect([key, en[key as MessageKey]]).toEqual([key, english[i]]);
    });
  });

  test.each(DEALS_FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s: range parameters are matrix parameters, and only those', (name, spec) => {
    // A scalar parameter given a range makes Excel call the function once per cell; a range
    // (one cell per period) must therefore arrive as a matrix.
    expect(byId(name).parameters.map((p) => p.dimensionality === 'matrix')).toEqual(spec.parameters.map((p) => p.acceptsRange));
  });

  test.each(DEALS_FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s: result dimensionality matches the catalog', (name, spec) => {
    const result = byId(name).result;
    expect(result?.dimensionality === 'matrix' ? 'matrix' : 'scalar').toBe(spec.result);
    expect(spec.result === 'matrix').toBe(spec.spillSize !== undefined);
  });

  test('each catalog implementation is the exported function its id is associated with', () => {
    const exports = functionsModule as unknown as Record<string, unknown>;
    expect(associations.map((a) => a.id).sort()).toEqual(DEALS_FUNCTIONS.map((f) => f.name).sort());
    for (const spec of DEALS_FUNCTIONS) {
      const association = associations.find((a) => a.id === spec.name)!;
      expect(path.resolve(association.sourceFileName)).toBe(FUNCTIONS_TS);
      expect(association.functionName.toUpperCase()).toBe(spec.name); // warrantValue ↔ WARRANTVALUE
      expect([spec.name, typeof exports[association.functionName]]).toEqual([spec.name, 'function']);
      expect([spec.name, exports[association.functionName] === spec.implementation]).toEqual([spec.name, true]);
    }
  });

  test('every exported function of functions.ts has an id, and every id one function', () => {
    const exported = Object.entries(functionsModule)
      .filter(([, value]) => typeof value === 'function')
      .map(([key]) => key)
      .sort();
    expect(exported).toEqual(associations.map((a) => a.functionName).sort());
    expect(new Set(associations.map((a) => a.functionName)).size).toBe(associations.length);
  });
});

describe('task pane function list (src/taskpane/examples.ts)', () => {
  test('lists exactly the catalog functions, in catalog order', () => {
    expect(FUNCTION_EXAMPLES.map((e) => e.name)).toEqual(DEALS_FUNCTIONS.map((f) => f.name));
  });

  /** The arguments of `=DEALS.NAME(a, b, …)`, as text. */
  function exampleArguments(formula: string, name: string): string[] {
    const match = new RegExp(`^=DEALS\\.${name}\\((.*)\\)$`).exec(formula);
    if (!match) throw new Error(`${formula} is not a call of DEALS.${name}`);
    return match[1].split(',').map((a) => a.trim());
  }

  test.each(FUNCTION_EXAMPLES.map((e) => [e.name, e] as const))('%s: example calls the function with a valid number of arguments', (name, example) => {
    const spec = DEALS_FUNCTIONS.find((f) => f.name === name)!;
    const args = exampleArguments(example.formula, name);
    expect(args.length).toBeGreaterThanOrEqual(spec.parameters.filter((p) => !p.optional).length);
    expect(args.length).toBeLessThanOrEqual(spec.parameters.length);
    // Cell references only where the parameter accepts a range.
    args.forEach((arg, i) => {
      if (/^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(arg)) expect([arg, spec.parameters[i].acceptsRange]).toEqual([arg, true]);
    });
  });

  test.each(FUNCTION_EXAMPLES.filter((e) => !/[A-Z]+\d/.test(e.formula.replace(/^=DEALS\.[A-Z]+/, ''))).map((e) => [e.name, e] as const))(
    '%s: example with literal arguments computes without an error',
    (name, example) => {
      const spec = DEALS_FUNCTIONS.find((f) => f.name === name)!;
      const args = exampleArguments(example.formula, name).map(Number);
      expect(args.every(Number.isFinite)).toBe(true);
      const result = (spec.implementation as (...a: unknown[]) => unknown)(...args);
      const cells = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
      expect(cells.filter((c) => typeof c === 'number').every(Number.isFinite)).toBe(true);
      expect(cells.some((c) => typeof c === 'number')).toBe(true);
    },
  );
});

describe('the metadata the build ships (scripts/manifest.js addinMetadata)', () => {
  const { addinMetadata } = require('../scripts/manifest') as { addinMetadata(json: string, addinUrl?: string): string };

  test('data-type objects are off: the generator writes allowCustomDataForDataTypeAny true, the build false', async () => {
    const generated = await generateCustomFunctionsMetadata(FUNCTIONS_TS, true);
    expect(JSON.parse(generated.metadataJson).allowCustomDataForDataTypeAny).toBe(true);
    const shipped = JSON.parse(addinMetadata(generated.metadataJson));
    expect(shipped.allowCustomDataForDataTypeAny).toBe(false);
    // Nothing else changes.
    expect({ ...shipped, allowCustomDataForDataTypeAny: true }).toEqual(JSON.parse(generated.metadataJson));
  }, 60_000);

  test('a generated text without the flag, or with it twice, is refused rather than shipped unchanged', () => {
    expect(() => addinMetadata('{"functions": []}')).toThrow(/allowCustomDataForDataTypeAny/);
  });
});
