import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { compactKey } from '@core/names';

/** Letters and digits only, no accents: "K'iche'" → "kiche", "Alta Verapaz" → "altaverapaz". */
export const searchKey = (text: string) => compactKey(text);

/**
 * Combobox filter that ignores case, accents, apostrophes and spaces, so "coban" finds "Cobán",
 * "kiche" finds "K'iche'" and "qeqchi" finds "Q'eqchi'" (Mantine's default only lowercases).
 * The theme makes it every select's default.
 */
export const accentInsensitiveFilter: OptionsFilter = ({ options, search, limit }) => {
  const needle = searchKey(search);
  const result: ComboboxParsedItem[] = [];
  for (const item of options) {
    if (result.length >= limit) break;
    if ('group' in item) {
      const items = item.items.filter((i: ComboboxItem) => searchKey(i.label).includes(needle));
      if (items.length > 0) result.push({ group: item.group, items });
    } else if (searchKey(item.label).includes(needle)) result.push(item);
  }
  return result;
};
