import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { normalize } from '@core/names';

/**
 * Combobox filter that ignores case and accents, so "coban" finds "Cobán" and "peten" finds
 * "Petén" (Mantine's default only lowercases).
 */
export const accentInsensitiveFilter: OptionsFilter = ({ options, search, limit }) => {
  const needle = normalize(search);
  const result: ComboboxParsedItem[] = [];
  for (const item of options) {
    if (result.length >= limit) break;
    if ('group' in item) {
      const items = item.items.filter((i: ComboboxItem) => normalize(i.label).includes(needle));
      if (items.length > 0) result.push({ group: item.group, items });
    } else if (normalize(item.label).includes(needle)) result.push(item);
  }
  return result;
};
