import { DEFAULT_THEME, mergeMantineTheme, type MantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { readableColorsOf, readableVariants, theme } from './theme';

const merged: MantineTheme = mergeMantineTheme(DEFAULT_THEME, theme);

describe('readableVariants (kept per theme)', () => {
  it('gives the same colours as working them out afresh, for each colour and variant asked for', () => {
    const inputs = ['teal', 'gray', 'orange', 'red', 'indigo', '#123456'].flatMap((color) =>
      ['filled', 'light', 'subtle', 'outline', 'default', 'transparent', 'white'].map((variant) => ({ color, variant, theme: merged })),
    );
    // Asked in one order (kept), then in the other: each answer is the one worked out afresh
    // for that input, so no two questions share a kept answer they should not.
    for (const input of [...inputs].reverse()) readableVariants(input);
    for (const input of inputs) expect(readableVariants(input)).toEqual(readableColorsOf(input));
    // Light text on a light, subtle or outline palette colour is the readable shade, per scheme.
    expect(readableVariants({ color: 'teal', variant: 'light', theme: merged }).color).toBe(
      'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-1))',
    );
    expect(readableVariants({ color: 'orange', variant: 'outline', theme: merged }).border).toBe(
      '1px solid light-dark(var(--mantine-color-orange-9), var(--mantine-color-orange-1))',
    );
  });

  it('answers a repeated question from what it kept, and tells apart what differs', () => {
    const light = readableVariants({ color: 'teal', variant: 'light', theme: merged });
    expect(readableVariants({ color: 'teal', variant: 'light', theme: merged })).toBe(light);
    expect(readableVariants({ color: 'teal', variant: 'filled', theme: merged })).not.toEqual(light);
    expect(readableVariants({ color: 'teal', variant: 'light', theme: merged, autoContrast: true })).not.toBe(light);
    // Another theme (another palette) is never answered from this one's: a colour only it has
    // gets the readable text of a palette colour there, and stays as it is here.
    const other = { ...merged, colors: { ...merged.colors, brand: merged.colors.teal } };
    expect(readableVariants({ color: 'brand', variant: 'light', theme: merged }).color).not.toContain('light-dark');
    expect(readableVariants({ color: 'brand', variant: 'light', theme: other }).color).toBe(
      'light-dark(var(--mantine-color-brand-9), var(--mantine-color-brand-1))',
    );
  });

  it('works a gradient out each time', () => {
    const gradient = { from: 'teal', to: 'indigo', deg: 45 };
    const first = readableVariants({ variant: 'gradient', color: 'teal', gradient, theme: merged });
    const second = readableVariants({ variant: 'gradient', color: 'teal', gradient: { ...gradient, to: 'red' }, theme: merged });
    expect(first.background).not.toBe(second.background);
  });
});
