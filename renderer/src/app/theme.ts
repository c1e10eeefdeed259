import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  components: {
    // Visible focus for keyboard users at every control.
    Button: { defaultProps: { variant: 'filled' } },
  },
});
