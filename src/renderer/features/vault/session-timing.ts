/** How often the renderer tells main the advocate is active, at most. Main's shortest idle time is a minute. */
export const ACTIVITY_PING_INTERVAL_MS = 30_000;
