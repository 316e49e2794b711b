export { startBrowserHost, HOST_ADDRESS } from './browser-host'
export type { BrowserHost, BrowserHostOptions } from './browser-host'
export { WORKBENCH_CSP } from './security-headers'
export { isInside, lookupStaticFile } from './static-files'
