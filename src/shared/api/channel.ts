/** The single IPC channel every API call travels on. */
export const API_CHANNEL = 'advocate-desk:api';
/** The one channel main pushes events on (src/shared/api/events.ts). */
export const EVENT_CHANNEL = 'advocate-desk:events';
