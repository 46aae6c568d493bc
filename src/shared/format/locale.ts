/**
 * The one locale every screen, letter and binder is written in. Advocate Desk serves US
 * special-education practice (34 CFR Part 300), so it is US English everywhere, whatever the
 * computer's own locale: a letter must read the same on every advocate's machine.
 */
export const LOCALE = 'en-US';
