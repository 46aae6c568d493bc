import { createTheme, type MantineThemeOverride } from '@mantine/core';

/** Calm and dense: a caseload of hundreds should fit on a screen without feeling cramped. */
export const theme: MantineThemeOverride = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  defaultRadius: 'sm',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } },
    Modal: { defaultProps: { radius: 'md', overlayProps: { backgroundOpacity: 0.35, blur: 1 } } },
    Badge: { defaultProps: { radius: 'sm' } },
  },
});
