/** The message catalogue: complete, consistent placeholders, typed lookup. */
import { CATALOGUES, en, formatMessage, isMessageKey, LOCALES, messagesFor, placeholders, t, translator } from '../../src/i18n';
import type { MessageKey, Messages } from '../../src/i18n';

const KEYS = Object.keys(en) as MessageKey[];

describe('catalogues', () => {
  test.each(LOCALES)('%s has exactly the English keys, each a non-empty one-line text with the same placeholders', (locale) => {
    const messages: Messages = CATALOGUES[locale];
    expect(Object.keys(messages).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      expect([key, typeof messages[key]]).toEqual([key, 'string']);
      expect(messages[key].trim()).not.toBe('');
      expect(messages[key]).not.toMatch(/\n/);
      expect([key, placeholders(messages[key]).sort()]).toEqual([key, placeholders(en[key]).sort()]);
    }
  });

  test('keys are dotted lower-camel paths', () => {
    for (const key of KEYS) expect(key).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/);
  });

  test('the taskpane strings are there', () => {
    expect(t(en, 'taskpane.load')).toBe('Load');
    expect(t(en, 'taskpane.loading')).toBe('Loading…');
    expect(t(en, 'taskpane.loaded', { sheet: 'AMD warrants' })).toBe('Loaded AMD warrants');
    expect(t(en, 'taskpane.loadFailed', { preset: 'amd', reason: 'no workbook' })).toBe('Could not load amd: no workbook');
    expect(t(en, 'app.title')).toBe('AI Deal Modeler');
  });
});

describe('lookup', () => {
  test('placeholders are filled; a missing one throws', () => {
    expect(formatMessage(en, 'sheet.withUnit', { label: 'Shares', unit: 'shares' })).toBe('Shares (shares)');
    expect(() => formatMessage(en, 'sheet.withUnit', { label: 'Shares' })).toThrow(/unit/);
    expect(() => formatMessage(en, 'no.such.key' as MessageKey)).toThrow(/Unknown message key/);
  });

  test('placeholders() lists names in order, once', () => {
    expect(placeholders('{a} and {b} and {a}')).toEqual(['a', 'b']);
    expect(placeholders('none')).toEqual([]);
  });

  test('translator binds a catalogue', () => {
    const tr = translator(en);
    expect(tr('sheet.fact', { confidence: 'reported' })).toBe('Fact (reported)');
    expect(tr('sheet.assumption')).toBe('Assumption');
  });

  test('messagesFor matches an Office display language by prefix and falls back to English', () => {
    expect(messagesFor('en-US')).toBe(en);
    expect(messagesFor('EN')).toBe(en);
    expect(messagesFor('fr-FR')).toBe(en);
    expect(messagesFor(undefined)).toBe(en);
  });

  test('isMessageKey', () => {
    expect(isMessageKey('amd.title')).toBe(true);
    expect(isMessageKey('amd.nope')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });
});
