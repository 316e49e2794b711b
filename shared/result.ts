/** Errors cross process boundaries as data with a stable code, never as thrown exceptions. */

/**
 * Every code a ServiceError carries, with when it is given: a new code is one entry here, and a
 * code not listed does not compile (as undici's `errors.js` lists its errors). The UI translates a
 * code through `errors.<CODE>` in `renderer/src/i18n/` where it has words for it.
 */
export const SERVICE_ERRORS = {
  // The contract and its transports (shared/rpc.ts, electron/main, renderer/src/bridge).
  TRANSPORT_CLOSED: 'the connection to the main process is closed',
  UNKNOWN_METHOD: 'the contract has no such method',
  INTERNAL: 'a service method threw instead of answering',
  FORBIDDEN_SENDER: 'an IPC call came from a frame other than the workbench',
  INVALID_PARAMS: 'the params do not have the shape the contract declares',
  UNSUPPORTED: 'not available here (browser mode, no data folder, no folder picker)',
  UNEXPECTED: 'the workbench caught an error no service answered',
  USAGE: 'a command line that the CLI cannot read',
  // Projects and their files (electron/services/project, demo).
  NO_PROJECT: 'the method needs an open project',
  NOT_A_FOLDER: 'the path to open is not a folder',
  NOT_FOUND: 'a project file or folder does not exist',
  OUTSIDE_PROJECT: 'a path leads out of the project folder',
  UNREADABLE: 'a project file cannot be read',
  JSON_SYNTAX: 'a project JSON file does not parse',
  INVALID_SETTINGS: 'project.config.json settings that cannot be written',
  INVALID_VALUE: 'a setting whose value is of the wrong kind',
  INVALID_DOMAINS: 'domain lists with a malformed or refused entry',
  INVALID_MOCK: 'project.mock.json rules that cannot be written',
  WRITE_FAILED: 'writing a settings file failed',
  MINIPROGRAM_ROOT_MISSING: 'the miniprogramRoot folder cannot be read',
  DEMO_COPY_FAILED: 'the embedded demo could not be copied to the data folder',
  DROP_NO_PATH: 'a dropped item has no folder path',
  // The simulator and the runtime (electron/services/workbench, headless, shared/runtime).
  BUNDLE_FAILED: 'the simulator bundle could not be built',
  NO_COMPILE_MODE: 'the named compile mode does not exist',
  ALREADY_LAUNCHED: 'the runtime was launched twice',
  NO_PAGES: 'app.json lists no pages',
  APP_JS_MISSING: 'app.js is missing from the bundle',
  PAGE_JS_MISSING: 'a page has no script in the bundle',
  // The network panel and the engine's settings (electron/services/workbench, headless).
  APP_NETWORK: "the app's own network settings (the demo's) could not be read",
  BODY_UNAVAILABLE: 'the response body is no longer kept',
  NOT_REPLAYABLE: 'the row is not a recorded wx.request of this project',
  HAR_INVALID: 'the file is not a HAR the panel can open',
  HAR_WRITE_FAILED: 'the HAR file could not be written',
  CLIPBOARD_FAILED: 'copying to the clipboard failed',
  INVALID_MACHINE_NETWORK: 'network settings kept per machine that cannot be written',
  LOCAL_SETTINGS_INVALID: 'mpdt run: the local network settings file is malformed',
  CA_UNREADABLE: 'an extra CA certificate file cannot be read',
  CA_INVALID: 'an extra CA certificate is not PEM',
  // 构建 npm (electron/services/npm).
  NPM_NO_PACKAGE_JSON: 'no package.json in the mini-program root, and no packNpmRelationList',
  NPM_BAD_PACKAGE_JSON: 'a package.json that is not an object, or a malformed packNpmRelationList',
  NPM_NO_NODE_MODULES: 'a package.json lists dependencies but has no node_modules beside it',
  NPM_MISSING_DEPENDENCY: 'a dependency is not installed in node_modules',
  NPM_BUNDLE_FAILED: "a package's entry could not be bundled",
  NPM_OUTSIDE_PROJECT: 'a packNpmRelationList path leaves the project folder',
  NPM_IO: 'reading or writing the file system failed',
} as const

export type ServiceErrorCode = keyof typeof SERVICE_ERRORS
export interface ServiceError {
  /** Stable, machine-matchable code, one of SERVICE_ERROR_CODES. */
  code: ServiceErrorCode
  /** Human-readable message (English; the UI translates by `code` where it can). */
  message: string
  /** Optional location for errors about a file. */
  file?: string
  line?: number
  column?: number
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ServiceError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(error: ServiceError): Result<T> {
  return { ok: false, error }
}
