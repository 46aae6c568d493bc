/** How often the renderer tells main the advocate is active, at most. Main's shortest idle time is a minute. */
export const ACTIVITY_PING_INTERVAL_MS = 30_000;

const DEFAULT_STATUS_POLL_MS = 30_000;
const MIN_STATUS_POLL_MS = 200;

/**
 * How often the vault status is polled to notice an auto-lock that fired in main. End-to-end tests
 * shorten it with `?statusPollMs=500` in the page address (read once, at startup); only a shorter
 * poll is accepted, and polls never count as activity, so this cannot keep a vault open.
 */
export function readStatusPollInterval(search: string): number {
  const requested = Number(new URLSearchParams(search).get('statusPollMs'));
  if (!Number.isInteger(requested) || requested <= 0) return DEFAULT_STATUS_POLL_MS;
  return Math.min(DEFAULT_STATUS_POLL_MS, Math.max(MIN_STATUS_POLL_MS, requested));
}

export const STATUS_POLL_MS = readStatusPollInterval(typeof window === 'undefined' ? '' : window.location.search);
