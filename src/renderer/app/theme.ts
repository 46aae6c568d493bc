import {
  createTheme,
  DEFAULT_THEME,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  type MantineThemeOverride,
  type VariantColorResolverResult,
  type VariantColorsResolver,
  type VariantColorsResolverInput,
} from '@mantine/core';

/** '#e8590c' scaled towards black by `factor` (0.65 keeps 65% of each channel). */
function darken(hex: string, factor: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.round(((value >> shift) & 255) * factor);
  return `#${((channel(16) << 16) | (channel(8) << 8) | channel(0)).toString(16).padStart(6, '0')}`;
}

/**
 * Mantine's default palettes with their strong shades (5-9) darkened, so coloured text, filled
 * badges and buttons reach 4.5:1 against white and against their own tints (WCAG 1.4.3).
 * The pale tints (0-4) stay as they are: they are the backgrounds.
 */
const READABLE_HUES = ['red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const;
const readableColors = Object.fromEntries(
  READABLE_HUES.map((hue) => [
    hue,
    DEFAULT_THEME.colors[hue].map((shade, index) => (index < 5 ? shade : darken(shade, index === 5 ? 0.8 : 0.62))) as unknown as MantineColorsTuple,
  ]),
);

/**
 * Text on light, subtle and outline buttons and badges in a dark shade of its colour (light
 * scheme) or a pale one (dark scheme), so it reads at 4.5:1 or better on its tinted background.
 */
export const readableColorsOf: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const color = input.color ?? input.theme.primaryColor;
  const isPalette = color in input.theme.colors;
  if (!isPalette) return colors;
  if (input.variant === 'light' || input.variant === 'subtle' || input.variant === 'outline') {
    const text = `light-dark(var(--mantine-color-${color}-9), var(--mantine-color-${color}-1))`;
    return { ...colors, color: text, ...(input.variant === 'outline' ? { border: `1px solid ${text}` } : {}) };
  }
  return colors;
};

/**
 * Mantine asks for the colours on every render of every button and badge, and working them out
 * (parsing the colour, its luminance) was about 7% of the dashboard's first render at 2,000
 * families (issue 14). They depend only on the theme and the colour, variant and contrast asked
 * for (the scheme is chosen in CSS, by light-dark()), so each answer is kept per theme object;
 * gradients, rare, are worked out each time. Mantine only reads the answer.
 */
const resolvedColors = new WeakMap<VariantColorsResolverInput['theme'], Map<string, VariantColorResolverResult>>();
export const readableVariants: VariantColorsResolver = (input) => {
  if (input.gradient) return readableColorsOf(input);
  let byKey = resolvedColors.get(input.theme);
  if (!byKey) {
    byKey = new Map();
    resolvedColors.set(input.theme, byKey);
  }
  const key = `${input.color ?? ''}|${input.variant}|${input.autoContrast ?? ''}`;
  let colors = byKey.get(key);
  if (!colors) {
    colors = readableColorsOf(input);
    byKey.set(key, colors);
  }
  return colors;
};

/** Calm and dense: a caseload of hundreds should fit on a screen without feeling cramped. */
export const theme: MantineThemeOverride = createTheme({
  colors: readableColors,
  primaryColor: 'indigo',
  primaryShade: 7,
  defaultRadius: 'sm',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  variantColorResolver: readableVariants,
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } },
    // Every close button is named: a glyph alone says nothing to a screen reader.
    Modal: { defaultProps: { radius: 'md', overlayProps: { backgroundOpacity: 0.35, blur: 1 }, closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } },
    CloseButton: { defaultProps: { 'aria-label': 'Close' } },
    Badge: { defaultProps: { radius: 'sm' } },
    // A menu holds menu items only: Mantine's focus placeholder (a focusable presentational child)
    // broke the menu role's required children (axe). Without it an opened menu focuses its first
    // item, as the ARIA menu-button pattern has it; the arrow keys move on from there.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
  },
});
