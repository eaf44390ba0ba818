/**
 * Excel's function metadata in another language. The English `functions.json` is generated at
 * build time from the JSDoc in src/functions/functions.ts (custom-functions-metadata); Excel reads
 * a translated copy of it for a display language named by a `<bt:Override Locale=…>` of the
 * manifest's Functions.Metadata.Url (Microsoft: "Custom functions naming and localization").
 *
 * `localizeMetadata` makes that copy from the English metadata and a catalogue: the same JSON with
 * every `description` replaced by the catalogue's text, `fn.<ID>.description` for a function,
 * `fn.<ID>.param.<name>` for a parameter and `fn.<ID>.result` for a result (when it has one).
 * Everything else (ids, names, parameter names, types, dimensionality, options, helpUrl) is
 * copied as it is: function and parameter names stay ASCII in every language, so a formula works
 * in every Excel. Pure: no files, no Office; webpack.config.js calls it for each file of
 * `METADATA_FILES`.
 */
import type { Locale, Messages } from './index';

/** One parameter of a function in functions.json (fields other than these are kept as they are). */
export interface ParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly [field: string]: unknown;
}

/** One function in functions.json. */
export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly ParameterMetadata[];
  readonly result?: { readonly description?: string; readonly [field: string]: unknown };
  readonly [field: string]: unknown;
}

/** The whole of functions.json. */
export interface FunctionsMetadata {
  readonly functions: readonly FunctionMetadata[];
  readonly [field: string]: unknown;
}

/** The translated metadata files the build writes beside functions.json, by Office locale. */
export const METADATA_FILES: ReadonlyArray<{ readonly officeLocale: string; readonly locale: Locale; readonly file: string }> = [
  { officeLocale: 'zh-TW', locale: 'zh-Hant', file: 'functions-zh-TW.json' },
  { officeLocale: 'zh-CN', locale: 'zh-Hans', file: 'functions-zh-CN.json' },
];

/**
 * Every Office display language the manifest has overrides for, in the manifest's order, with the
 * catalogue and metadata file it uses: Hong Kong and Macao read 繁體中文 as Taiwan does, Singapore
 * 简体中文 as the mainland does (the same mapping as the pane and the CLI, src/i18n/locale.ts).
 */
export const MANIFEST_LOCALES: ReadonlyArray<{ readonly officeLocale: string; readonly locale: Locale; readonly file: string }> = [
  { officeLocale: 'zh-TW', locale: 'zh-Hant', file: 'functions-zh-TW.json' },
  { officeLocale: 'zh-HK', locale: 'zh-Hant', file: 'functions-zh-TW.json' },
  { officeLocale: 'zh-MO', locale: 'zh-Hant', file: 'functions-zh-TW.json' },
  { officeLocale: 'zh-CN', locale: 'zh-Hans', file: 'functions-zh-CN.json' },
  { officeLocale: 'zh-SG', locale: 'zh-Hans', file: 'functions-zh-CN.json' },
];

export const functionDescriptionKey = (id: string): string => `fn.${id}.description`;
export const parameterDescriptionKey = (id: string, name: string): string => `fn.${id}.param.${name}`;
export const resultDescriptionKey = (id: string): string => `fn.${id}.result`;

/** Every description in the metadata with its catalogue key, in file order. */
export function metadataTexts(metadata: FunctionsMetadata): Array<{ key: string; text: string }> {
  const texts: Array<{ key: string; text: string }> = [];
  for (const f of metadata.functions) {
    if (f.description !== undefined) texts.push({ key: functionDescriptionKey(f.id), text: f.description });
    for (const p of f.parameters ?? []) if (p.description !== undefined) texts.push({ key: parameterDescriptionKey(f.id, p.name), text: p.description });
    if (f.result?.description !== undefined) texts.push({ key: resultDescriptionKey(f.id), text: f.result.description });
  }
  return texts;
}

/**
 * The keys whose English catalogue text is not the metadata's (the JSDoc changed, or a key is
 * missing): their translations may say something else than the English now does.
 */
export function staleTexts(metadata: FunctionsMetadata, english: Messages): string[] {
  const catalogue = english as unknown as Readonly<Record<string, string | undefined>>;
  return metadataTexts(metadata)
    .filter(({ key, text }) => !Object.prototype.hasOwnProperty.call(catalogue, key) || catalogue[key] !== text)
    .map(({ key }) => key);
}

/**
 * The metadata with its descriptions in the catalogue's language. Throws, naming the keys, when
 * the catalogue lacks a text for one (a function or parameter added without its translations).
 */
export function localizeMetadata(metadata: FunctionsMetadata, messages: Messages): FunctionsMetadata {
  const catalogue = messages as unknown as Readonly<Record<string, string | undefined>>;
  const missing: string[] = [];
  const text = (key: string): string => {
    const value = Object.prototype.hasOwnProperty.call(catalogue, key) ? catalogue[key] : undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      missing.push(key);
      return '';
    }
    return value;
  };
  const functions = metadata.functions.map((f) => ({
    ...f,
    ...(f.description !== undefined ? { description: text(functionDescriptionKey(f.id)) } : {}),
    parameters: (f.parameters ?? []).map((p) => ({ ...p, ...(p.description !== undefined ? { description: text(parameterDescriptionKey(f.id, p.name)) } : {}) })),
    ...(f.result !== undefined ? { result: { ...f.result, ...(f.result.description !== undefined ? { description: text(resultDescriptionKey(f.id)) } : {}) } } : {}),
  }));
  if (missing.length > 0) {
    throw new Error(`The function metadata needs catalogue texts for ${missing.join(', ')}: add them to src/i18n/en.ts, zh-Hant.ts and zh-Hans.ts`);
  }
  // A deep copy: nothing of the result is shared with the English metadata.
  return JSON.parse(JSON.stringify({ ...metadata, functions })) as FunctionsMetadata;
}

/** The JSON text of a metadata file, formatted as custom-functions-metadata writes functions.json. */
export function metadataJson(metadata: FunctionsMetadata): string {
  return JSON.stringify(metadata, null, 4);
}
