/**
 * Headers shared by the browser and the gateway. No side effects on import: the server reads
 * this file too.
 */

/**
 * Sent by the app's fetch client on every API request. A cross-site HTML form cannot set a
 * custom header, and a cross-site script cannot without a CORS preflight that this server never
 * grants, so the gateway takes its presence (or a JSON body) as proof that a state-changing
 * request comes from the app itself.
 */
export const CLIENT_HEADER = 'X-Jobscope-Client';
export const CLIENT_HEADER_VALUE = 'dashboard';

/** Gateway extensions the app reads from list and log answers. */
export const TOTAL_COUNT_HEADER = 'X-Total-Count';
export const LAST_LOG_ID_HEADER = 'X-Last-Log-Id';
