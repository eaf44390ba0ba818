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
 * (quotes, URLs, dates), which is shown as the source wrote it. Company names stay as the sources
 * write them (AMD, Nvidia, Oracle …), so a label matches the facts quoted beside it.
 *
 * Chinese catalogues (`zh-Hant.ts` 繁體中文 for zh-TW/zh-HK/zh-MO, `zh-Hans.ts` 简体中文 for
 * zh-CN/zh-SG), one units rule: the number formats are the same in every language (a cell shows
 * full USD in billions with `#,##0.0,,,`), so a label names the scale the cell shows and never
 * rescales it: USD bn is 十億美元 / 十亿美元, USD tn is 兆美元 (Taiwan usage) / 万亿美元, also in
 * prose next to a number ("約 300 十億美元"), because the numbers in a text come from the facts as
 * stated and are not multiplied (億美元 would need × 10). GW and % stay as symbols. Each catalogue
 * is in one script only; test/scenarios/i18n.test.ts checks that with OpenCC.
 */
import { en } from './en';
import { zhHans } from './zh-Hans';
import { zhHant } from './zh-Hant';

export { en, zhHans, zhHant };
export { DEFAULT_LOCALE, LOCALES, resolveLocale } from './locale';
export type { Locale } from './locale';
import { DEFAULT_LOCALE, fillPlaceholders, LOCALES, PLACEHOLDER, resolveLocale } from './locale';
import type { Locale } from './locale';

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

export const CATALOGUES: { readonly [L in Locale]: Messages } = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** Each language's own name, for a language menu. */
export const LOCALE_NAMES: { readonly [L in Locale]: string } = { en: 'English', 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文' };

/** Whether a string is one of LOCALES exactly (for a stored or typed choice). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale of one of CATALOGUES (by identity), e.g. for a page's `lang` attribute; undefined for another object. */
export function localeOf(messages: Messages): Locale | undefined {
  return LOCALES.find((locale) => CATALOGUES[locale] === messages);
}

/** The catalogue for a BCP-47 tag, resolved by `resolveLocale`. */
export function messagesFor(tag: string | undefined | null): Messages {
  return CATALOGUES[resolveLocale(tag)];
}

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
  return fillPlaceholders(text, params, key);
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
