/**
 * The made-up names the demo project talks to. `.test` is reserved (RFC 2606), so these never
 * resolve anywhere: the engine reaches them only through host mapping to the loopback server.
 */

/** The demo's API host: listed in the demo's project.domains.json. */
export const DEMO_API_HOST = 'api.demo.mpdevtools.test'

/** A second host on the same server, deliberately NOT listed: the "blocked origin" button. */
export const DEMO_OTHER_HOST = 'other.demo.mpdevtools.test'

export const DEMO_API_ORIGIN = `https://${DEMO_API_HOST}`
export const DEMO_SOCKET_ORIGIN = `wss://${DEMO_API_HOST}`
export const DEMO_OTHER_ORIGIN = `https://${DEMO_OTHER_HOST}`
