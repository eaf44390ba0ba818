/**
 * The languages the add-in speaks and how a BCP-47 tag maps to one, without any catalogue: small
 * enough for the custom-functions bundle, which needs only this and the error texts.
 */

/** The languages with a catalogue. */
export const LOCALES = ['en', 'zh-Hant', 'zh-Hans'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Regions whose Chinese is written in Traditional characters when a tag names no script. */
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * The catalogue's locale for a BCP-47 tag (an Office display language, `navigator.language`, a
 * `--lang` value): an explicit script wins (`zh-Hant-HK`, `zh-Hans-TW`), then the region (zh-TW,
 * zh-HK, zh-MO → zh-Hant; zh-CN, zh-SG and bare `zh` → zh-Hans); every other language is English.
 * Case and `_` for `-` are accepted (`zh_tw`).
 */
export function resolveLocale(tag: string | undefined | null): Locale {
  const parts = (tag ?? '').trim().toLowerCase().replace(/_/g, '-').split('-');
  if (parts[0] !== 'zh') return DEFAULT_LOCALE;
  const subtags = parts.slice(1);
  if (subtags.includes('hant')) return 'zh-Hant';
  if (subtags.includes('hans')) return 'zh-Hans';
  return subtags.some((s) => TRADITIONAL_REGIONS.has(s)) ? 'zh-Hant' : 'zh-Hans';
}

/** A `{name}` placeholder in a message text. */
export const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Fills a text's `{name}` placeholders from `params`; a missing value is a programming error. */
export function fillPlaceholders(text: string, params: Readonly<Record<string, string | number>> | undefined, what: string): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Message ${what} needs the parameter {${name}}`);
    return String(value);
  });
}
