import { messages } from './messages';

import { DEFAULT_LOCALE, type Locale } from './locales';

export { asLocale, DEFAULT_LOCALE, LOCALES, type Locale } from './locales';

/** Core-side translation of a dotted key with {{name}} interpolation; Spanish is the fallback. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = lookup(messages[locale], key) ?? lookup(messages[DEFAULT_LOCALE], key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

// Keys may themselves contain dots (error codes such as `input.invalid`): try the whole rest first.
function lookup(tree: unknown, key: string): string | undefined {
  if (tree === null || typeof tree !== 'object') return undefined;
  const node = tree as Record<string, unknown>;
  if (typeof node[key] === 'string') return node[key];
  const dot = key.indexOf('.');
  return dot < 0 ? undefined : lookup(node[key.slice(0, dot)], key.slice(dot + 1));
}
