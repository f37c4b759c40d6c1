import type { Lang, MessageKey } from './index';

/**
 * The texts of the message tables this bundle has loaded. Each table in ./messages registers
 * itself when imported, so a bundle carries only the tables its modules import: the panel does
 * not ship the options page's texts. tests/lib/i18n/surface-coverage.test.ts checks that every
 * key a module can show comes with its table.
 */
const loaded: Record<Lang, Partial<Record<MessageKey, string>>> = { en: {}, nl: {} };

export type MessageTable<Key extends MessageKey> = Readonly<Record<Lang, Readonly<Record<Key, string>>>>;

export function registerMessages<Key extends MessageKey>(table: MessageTable<Key>): void {
  Object.assign(loaded.en, table.en);
  Object.assign(loaded.nl, table.nl);
}

/** A registered text, or undefined while its table is not loaded. */
export function loadedText(lang: Lang, key: string): string | undefined {
  const table: Partial<Record<string, string>> = loaded[lang];
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
