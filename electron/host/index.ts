/** Browser mode: the workbench and the contract served to a browser on 127.0.0.1 (README.md). */
export { startBrowserHost } from './browser-host'
export type { BrowserHost, BrowserHostOptions } from './browser-host'
