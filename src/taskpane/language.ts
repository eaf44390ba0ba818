/**
 * The task pane's language: the reader's own choice if they made one (remembered in the browser's
 * localStorage), otherwise Office's display language (`Office.context.displayLanguage`, e.g.
 * `zh-TW`), resolved to a catalogue by `resolveLocale`.
 *
 * Storage may be missing or refuse access (blocked by the browser, a sandboxed frame): every access
 * is guarded, and without storage the choice lasts until the pane closes. Office on the web
 * partitions localStorage; its `Office.context.partitionKey` (undefined where there is no
 * partitioning) prefixes the key, as Microsoft's "Persist add-in state and settings" advises.
 */
import { isLocale, resolveLocale } from '../i18n';
import type { Locale } from '../i18n';

/** The part of the Web Storage API used here (`localStorage` has it; tests pass a fake). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const LANGUAGE_KEY = 'ai-deal-modeler.language';

/** Where the choice is kept: `localStorage` with an optional partition prefix; undefined when storage is unavailable. */
export interface LanguageMemory {
  readonly storage: KeyValueStorage | undefined;
  readonly key: string;
}

/** The page's localStorage, or undefined where reading the property itself throws or it does not exist. */
export function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' || localStorage === null ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function languageMemory(storage: KeyValueStorage | undefined, partitionKey?: string): LanguageMemory {
  return { storage, key: partitionKey ? `${partitionKey}${LANGUAGE_KEY}` : LANGUAGE_KEY };
}

/** The remembered choice, if storage works and holds a known locale. */
export function rememberedLocale(memory: LanguageMemory): Locale | undefined {
  try {
    const value = memory.storage?.getItem(memory.key);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers a choice; false when it could not be stored (the pane still switches). */
export function rememberLocale(memory: LanguageMemory, locale: Locale): boolean {
  if (!memory.storage) return false;
  try {
    memory.storage.setItem(memory.key, locale);
    return true;
  } catch {
    return false;
  }
}

/** The pane's language: the remembered choice, else the display language. */
export function paneLocale(displayLanguage: string | undefined, memory: LanguageMemory): Locale {
  return rememberedLocale(memory) ?? resolveLocale(displayLanguage);
}
