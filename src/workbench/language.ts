/**
 * The workbench page's language: `?lang=` in its address (`zh-TW`, `zh-CN`, `en`, or any tag
 * `resolveLocale` maps: zh-HK, zh-Hant, zh-SG …), else the browser's language (`navigator.language`).
 * The language switch (the task pane's language menu) writes the choice back into the address with
 * `history.replaceState`, so a reload or a shared link opens the page in the same language.
 */
import { resolveLocale } from '../i18n';
import type { Locale } from '../i18n';

/** The page's locale for its query string (`location.search`) and the browser's language. */
export function pageLocale(search: string, browserLanguage: string | undefined): Locale {
  const lang = new URLSearchParams(search).get('lang');
  return resolveLocale(lang !== null && lang.trim() !== '' ? lang : browserLanguage);
}

/** The page's address with `?lang=` set to the locale's tag (zh-TW for zh-Hant, zh-CN for zh-Hans), other parameters and the hash kept. */
export function addressWithLanguage(href: string, locale: Locale): string {
  const url = new URL(href);
  url.searchParams.set('lang', LANG_TAGS[locale]);
  return url.toString();
}

/** The `?lang=` value written for each locale: the region tags the README and the CLI use. */
export const LANG_TAGS: { readonly [L in Locale]: string } = { en: 'en', 'zh-Hant': 'zh-TW', 'zh-Hans': 'zh-CN' };
