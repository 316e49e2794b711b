/**
 * WeChat's errMsg texts and errno codes: the one catalogue that the runtime (the base library's
 * checks, `shared/runtime/`) and the request engine (the client's network stack,
 * `electron/services/network/`) answer with, so a text or a code is written once
 * (docs/wechat-behaviour.md §2). The engine's console blocks are in
 * `electron/services/network/policy/wechat-messages.ts`.
 */

export const ERRNO = {
  /** `request:fail illegal host: …`, the base library's check of the URL's host. */
  illegalHost: 101,
  /** `<api>:fail parameter error: …`, the base library's parameter checks. */
  parameter: 1001,
  /** Generic network failure, as phones report `net::ERR_*` and certificate errors. */
  network: 600001,
  /** Domain-list and redirect-domain-list refusals (WeChat's client). */
  notInDomainList: 600002,
  /**
   * Offline simulation. WeChat documents no errno for `network is down`; 600003 is its
   * "network interrupted error - 网络中断", the nearest meaning.
   */
  offline: 600003,
  /** `<api>:fail invalid url "…"`. */
  invalidUrl: 600009,
  /** `request:fail data should not be Function` and `fail to stringify data`. */
  invalidData: 600010,
} as const

export type Errno = (typeof ERRNO)[keyof typeof ERRNO]

/**
 * What a file call failed of (FileSystemManager, saveFile, the files of uploads and downloads):
 * the words of Node's file errors, which WeChat's tool passes on as `<words>, <syscall> "<path>"`.
 */
export const FILE_WORDS = {
  noSuchFile: 'no such file or directory',
  exists: 'file already exists',
  notDirectory: 'not a directory',
  isDirectory: 'illegal operation on a directory',
  notEmpty: 'directory not empty',
  permissionDenied: 'permission denied',
  invalidPath: 'invalid path',
  /** Any other fault of the file system. */
  notPermitted: 'operation not permitted',
} as const

/** `<words>, <syscall> "<path>"`: a file call's failure after `<api>:fail `. */
export function fileFailWords(words: string, syscall: string, path: string): string {
  return `${words}, ${syscall} "${path}"`
}

/** The words after `<api>:fail ` that several APIs share. */
export const FAIL_WORDS = {
  notSupported: 'not supported',
  invalidUrl: (url: string) => `invalid url "${url}"`,
  illegalHost: (host: string) => `illegal host: ${host}`,
  permissionDenied: (path: string, syscall = 'open') =>
    fileFailWords(FILE_WORDS.permissionDenied, syscall, path),
  noSuchFile: (path: string, syscall: string) =>
    fileFailWords(FILE_WORDS.noSuchFile, syscall, path),
  dataIsFunction: 'data should not be Function',
  dataNotStringifiable: 'fail to stringify data',
  /** `SocketTask.send`/`close` before the socket opened or after it closed. */
  socketNotOpen: 'SocketTask.readyState is not OPEN',
  /** `wx.sendSocketMessage`/`wx.closeSocket` without a connected global socket. */
  socketNotConnected: 'WebSocket is not connected',
} as const

/** `<api>:fail <words>`. */
export function failMsg(api: string, words: string): string {
  return `${api}:fail ${words}`
}

/** `request:fail x` in another API's words, `uploadFile:fail x`. */
export function retitle(errMsg: string, api: string): string {
  return errMsg.replace(/^request:/, `${api}:`)
}

/** `wx.request`'s failures; uploads, downloads and sockets take them through `retitle`. */
export const ERR_MSG = {
  notInDomainList: 'request:fail url not in domain list',
  tlsVersion: 'request:fail 小程序要求的 TLS 版本必须大于等于 1.2',
  certificate: 'request:fail 对应的服务器证书无效。',
  timeout: 'request:fail timeout',
  abort: 'request:fail abort',
  offline: 'request:fail network is down',
  tooManyRedirects: 'request:fail net::ERR_TOO_MANY_REDIRECTS',
  /** Our own limit on a response held in memory (WeChat does not document one). */
  responseTooLarge: 'request:fail exceed max response size',
} as const

/** errMsgs of uploads, downloads and sockets that requests do not have. */
export const TRANSFER_ERR_MSG = {
  redirectNotInDomainList: 'downloadFile:fail redirect url not in domain list',
  exceedMaxFileSize: 'downloadFile:fail exceed max file size',
  fileNotFound: 'uploadFile:fail file not found',
  socketLimit: 'connectSocket:fail fail reach max websocket connect count 5',
  socketInvalidUrl: (url: string) => failMsg('connectSocket', FAIL_WORDS.invalidUrl(url)),
  /** A socket's refusal as its `onError` gets it (`connectSocket:fail ` is added for `fail`). */
  socketNotInDomainList: 'url not in domain list',
  socketTimeout: 'Timed out connecting to server.',
} as const

/** The words after `<api>:fail ` of `wx.getImageInfo` and `wx.compressImage`. */
export const IMAGE_FAIL_WORDS = {
  /** `getImageInfo` of an http(s) src, which the simulator does not download. */
  downloadImage: 'download image fail',
  /** `getImageInfo` of a file that is not an image it can measure. */
  imageInfo: 'get image info fail',
  /** `compressImage` of a file that cannot be read. */
  fileNotFound: 'file not found',
} as const

/** errMsgs of the open APIs (docs/wechat-behaviour.md §6.2, §7.1). */
export const OPEN_API_ERR_MSG = {
  /** `wx.login` in 游客模式, in the words of the tool's notice. */
  touristLogin: 'login:fail 请注意游客模式下，调用 wx.login 是受限的',
  /** `wx.checkSession` when no login made a session. */
  sessionTimedOut: 'checkSession:fail Error: session time out, need relogin',
} as const

/** `wx.cloud`'s failures as WeChat's cloud SDK words them. */
export const CLOUD_ERRORS = {
  /** Before `wx.cloud.init()`. */
  notInitialized:
    '请先调用 wx.cloud.init() 完成初始化后再调用其他云 API。init 方法会返回一个 Promise',
  /** With no cloud environment the project may use. */
  noEnvironment: 'Error: errCode: -601034  | errMsg: 没有权限，请先开通云开发或者云托管',
  /** The SDK's `errCode` with `noEnvironment`. */
  noEnvironmentCode: -601034,
} as const
