/**
 * The message catalogue: every user-facing text of the taskpane and of the preset sheets, keyed.
 *
 * English (`en.ts`) is the source catalogue: its keys are the `MessageKey` type, and its
 * placeholders (`{name}`) type the parameters `t` accepts. Another language is added as a
 * `Messages` object (same keys, same placeholders, text translated) registered in `CATALOGUES`;
 * TypeScript then refuses a catalogue with a missing or unknown key, and
 * test/scenarios/i18n.test.ts checks that every catalogue uses the same placeholders.
 *
 * What is never translated: DEALS function names and CIRCULARFLOW metric names (they are part of
 * formulas), workbook names such as `AMD_WarrantValueAtTarget`, and the facts' own source text
 * (quotes, URLs, dates), which is shown as the source wrote it.
 */
import { en } from './en';

export { en };

/** A key of the catalogue, e.g. `'amd.title'`. */
export type MessageKey = keyof typeof en;

/** A complete catalogue: one text per key. */
export type Messages = { readonly [K in MessageKey]: string };

/** The placeholder names in a message text: `'Loaded {sheet}'` → `'sheet'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The parameters a key takes, from its English text. */
export type MessageParams<K extends MessageKey> = { readonly [P in Placeholders<(typeof en)[K]>]: string | number };

/** `t(key)` for a message without placeholders, `t(key, params)` for one with them. */
export type ParamArgs<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never] ? [] : [params: MessageParams<K>];

/** The languages with a catalogue. zh-Hant and zh-Hans will join with the same keys. */
export const LOCALES = ['en'] as const;
export type Locale = (typeof LOCALES)[number];

export const CATALOGUES: { readonly [L in Locale]: Messages } = { en };

export const DEFAULT_LOCALE: Locale = 'en';

/** The catalogue for a locale (an Office display language such as `en-US` or `zh-TW` is matched by prefix). */
export function messagesFor(locale: string | undefined): Messages {
  const wanted = (locale ?? '').toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === wanted);
  const byPrefix = LOCALES.find((l) => wanted.startsWith(l.toLowerCase()));
  return CATALOGUES[exact ?? byPrefix ?? DEFAULT_LOCALE];
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** The placeholder names of a text, in order of first appearance. */
export function placeholders(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) if (!names.includes(match[1])) names.push(match[1]);
  return names;
}

/**
 * Looks a key up in `messages` and fills its placeholders. Untyped form for keys chosen at run
 * time (scenario data); a missing parameter throws, so a broken text never reaches a sheet.
 */
export function formatMessage(messages: Messages, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const text = messages[key];
  if (typeof text !== 'string') throw new Error(`Unknown message key: ${String(key)}`);
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Message ${key} needs the parameter {${name}}`);
    return String(value);
  });
}

/** Typed lookup: `t(messages, 'taskpane.loaded', { sheet: 'AMD warrants' })`. */
export function t<K extends MessageKey>(messages: Messages, key: K, ...params: ParamArgs<K>): string {
  return formatMessage(messages, key, params[0] as Readonly<Record<string, string | number>> | undefined);
}

/** A `t` bound to one catalogue, for a surface that works in one language. */
export type Translator = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;

export function translator(messages: Messages): Translator {
  return (key, ...params) => formatMessage(messages, key, params[0] as Readonly<Record<string, string | number>> | undefined);
}

/** Whether a string is a key of the catalogue (for data read at run time). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
