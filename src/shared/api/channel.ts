/** The single IPC channel every API call travels on. */
export const API_CHANNEL = 'advocate-desk:api';
