import { Autocomplete, createTheme, MultiSelect, NumberInput, Select, TagsInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { accentInsensitiveFilter } from './filter';
import { DATE_FORMAT, parseTypedDate } from './format';

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
    // A date typed as people write it (dd/mm/yyyy) is taken, not silently dropped.
    DateInput: DateInput.extend({ defaultProps: { valueFormat: DATE_FORMAT, dateParser: parseTypedDate } }),
  },
});
