import { Autocomplete, createTheme, MultiSelect, NumberInput, Select, TagsInput } from '@mantine/core';
import { accentInsensitiveFilter } from './filter';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  components: {
    // Visible focus for keyboard users at every control.
    Button: { defaultProps: { variant: 'filled' } },
    // Every list can be searched as people type it: without accents or apostrophes.
    Select: Select.extend({ defaultProps: { filter: accentInsensitiveFilter } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { filter: accentInsensitiveFilter } }),
    Autocomplete: Autocomplete.extend({ defaultProps: { filter: accentInsensitiveFilter } }),
    TagsInput: TagsInput.extend({ defaultProps: { filter: accentInsensitiveFilter } }),
    // A number out of range is refused with its reason, never silently changed to the limit.
    NumberInput: NumberInput.extend({ defaultProps: { clampBehavior: 'none' } }),
  },
});
