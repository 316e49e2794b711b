/**
 * The one declared table of the `wx` API: every member WeChat's typings
 * (`miniprogram-api-typings`) list, with its kind, where it runs, its status in MP DevTools and
 * the parameter checks the runtime applies before the implementation sees the call. The runtime
 * builds `wx` from it (`wx-build.ts`), `wx.canIUse` answers from it and `docs/wx-api.md` is
 * generated from it (`npm run docs:wx-api`). Adding an API is an entry here, its implementation
 * and its tests.
 */

/**
 * - `sync`: returns its result (or an object such as an Animation); unsupported ones throw.
 * - `async`: `success`/`fail`/`complete`, or a Promise without them.
 * - `task`: callbacks, and returns a task object (RequestTask…).
 * - `listener`: `onX(listener)` / `offX(listener)`.
 * - `object`: a namespace property (`wx.env`, `wx.cloud`).
 */
export type WxApiKind = 'sync' | 'async' | 'task' | 'listener' | 'object'

/**
 * - `runtime`: the base library alone (both hosts, no round trip).
 * - `ui`: drawn by the simulator (`port.ui`); headless answers as documented.
 * - `main`: a main-process service, reached by the frame over `wx-bridge:call` and by `mpdt run`
 *   in-process; only these are frame-callable.
 */
export type WxApiRuns = 'runtime' | 'ui' | 'main'

/**
 * - `implemented`: behaves as on a phone.
 * - `simulated`: answers as WeChat's DevTools does, without the phone's effect (vibrate, phone
 *   call, scan, a fixed location…).
 * - `unsupported`: answers `<name>:fail not supported in MP DevTools` (sync ones throw an Error
 *   with that message; listeners are kept and never called).
 */
export type WxApiStatus = 'implemented' | 'simulated' | 'unsupported'

/** A parameter's expected type as WeChat's checks name it; a trailing `?` makes it optional. */
export type ParamType = 'String' | 'Number' | 'Boolean' | 'Object' | 'Array' | 'Function'
export type ParamRule = ParamType | `${ParamType}?` | `${ParamType}|${ParamType}${'' | '?'}`

export interface WxApiEntry {
  name: string
  kind: WxApiKind
  runs: WxApiRuns
  status: WxApiStatus
  /** Checked in order on the options object before the call (async and task kinds). */
  params?: Readonly<Record<string, ParamRule>>
  /** What the simulator does, when it differs from a phone; shown in the docs. */
  note?: string
}

type Declared = Omit<WxApiEntry, 'kind' | 'runs' | 'status'> &
  Partial<Pick<WxApiEntry, 'runs' | 'status'>>

const sync = (name: string, more: Omit<Declared, 'name'> = {}): WxApiEntry =>
  entry('sync', name, more)
const async = (name: string, more: Omit<Declared, 'name'> = {}): WxApiEntry =>
  entry('async', name, more)
const task = (name: string, more: Omit<Declared, 'name'> = {}): WxApiEntry =>
  entry('task', name, more)
const listener = (name: string, more: Omit<Declared, 'name'> = {}): WxApiEntry =>
  entry('listener', name, more)
const object = (name: string, more: Omit<Declared, 'name'> = {}): WxApiEntry =>
  entry('object', name, more)

function entry(kind: WxApiKind, name: string, more: Omit<Declared, 'name'>): WxApiEntry {
  return { name, kind, runs: 'runtime', status: 'implemented', ...more }
}

/** on/off pairs of one event, both implemented alike. */
const listeners = (event: string, more: Omit<Declared, 'name'> = {}): WxApiEntry[] => [
  listener(`on${event}`, more),
  listener(`off${event}`, more),
]

const SIMULATED = { status: 'simulated' } as const
const UI = { runs: 'ui' } as const
const SIMULATED_UI = { runs: 'ui', status: 'simulated' } as const
const MAIN = { runs: 'main' } as const

/** The APIs MP DevTools answers (implemented or simulated). */
const ANSWERED: WxApiEntry[] = [
  // Base
  sync('canIUse'),
  sync('arrayBufferToBase64'),
  sync('base64ToArrayBuffer'),
  sync('nextTick'),
  object('env'),
  // Storage (1 MB per key, 10 MB in all)
  sync('getStorageSync'),
  sync('setStorageSync'),
  sync('removeStorageSync'),
  sync('clearStorageSync'),
  sync('getStorageInfoSync'),
  async('getStorage'),
  async('setStorage'),
  async('removeStorage'),
  async('clearStorage'),
  async('getStorageInfo'),
  // System and app
  sync('getSystemInfoSync'),
  async('getSystemInfo'),
  sync('getWindowInfo'),
  sync('getDeviceInfo'),
  sync('getAppBaseInfo'),
  sync('getSystemSetting'),
  sync('getAppAuthorizeSetting'),
  sync('getMenuButtonBoundingClientRect'),
  sync('getLaunchOptionsSync'),
  sync('getEnterOptionsSync'),
  sync('getAccountInfoSync'),
  sync('getExtConfigSync', { note: "ext.json's `ext` when `extEnable` is true, else `{}`" }),
  async('getExtConfig', { note: "ext.json's `ext` when `extEnable` is true, else `{}`" }),
  sync('getUpdateManager', { ...SIMULATED, note: 'never finds an update' }),
  sync('getPerformance', { note: 'entries from the runtime’s own timings (appLaunch)' }),
  sync('reportAnalytics', { ...SIMULATED, note: 'logged in the console' }),
  sync('reportEvent', { ...SIMULATED, note: 'logged in the console' }),
  ...listeners('AppShow'),
  ...listeners('AppHide'),
  ...listeners('Error'),
  ...listeners('UnhandledRejection'),
  ...listeners('PageNotFound'),
  // Network
  task('request', MAIN),
  task('uploadFile', MAIN),
  task('downloadFile', MAIN),
  task('connectSocket', MAIN),
  ...['Open', 'Message', 'Error', 'Close'].map((event) => listener(`onSocket${event}`)),
  async('sendSocketMessage'),
  async('closeSocket'),
  async('getNetworkType'),
  ...listeners('NetworkStatusChange'),
  ...listeners('NetworkWeakChange'),
  // Files and media
  sync('getFileSystemManager'),
  async('saveFile', { note: 'deprecated by WeChat; still answered' }),
  async('chooseImage', UI),
  async('chooseMedia', UI),
  async('previewImage', {
    ...UI,
    params: { urls: 'Array', current: 'String?' },
    note: 'a full-screen viewer in the phone (a tap on a side: previous/next; in the middle: close); headless nothing is shown',
  }),
  async('preloadAssets', {
    ...UI,
    note: 'the network images requested as `<image>` requests them (fonts are not fetched); headless nothing is fetched and the call succeeds. No Promise form, as in WeChat',
  }),
  async('preloadWebview', { ...SIMULATED, note: 'nothing to warm up; no Promise form' }),
  async('preloadSkylineView', { ...SIMULATED, note: 'nothing to warm up; no Promise form' }),
  sync('getSkylineInfoSync', {
    ...SIMULATED,
    note: '`isSupported: false`, reason `client not supported`: pages are laid out as WebViews',
  }),
  async('getSkylineInfo', {
    ...SIMULATED,
    note: 'as `getSkylineInfoSync`; no Promise form',
  }),
  async('getImageInfo', {
    params: { src: 'String' },
    note: 'PNG, JPEG, GIF and WebP sizes read from the file',
  }),
  async('compressImage', {
    ...SIMULATED,
    params: { src: 'String', quality: 'Number?' },
    note: 'answers the same file',
  }),
  async('saveImageToPhotosAlbum', {
    ...SIMULATED,
    params: { filePath: 'String' },
    note: 'asks `scope.writePhotosAlbum`, checks the file is a picture; no album: the console says so',
  }),
  // Routing
  async('navigateTo', UI),
  async('redirectTo', UI),
  async('switchTab', UI),
  async('reLaunch', UI),
  async('navigateBack', UI),
  object('router', {
    ...SIMULATED,
    note: 'WebView render mode: custom routes fall back to the default route (`worklet-api.ts`)',
  }),
  // Interaction and window
  async('showToast', UI),
  async('hideToast', UI),
  async('showLoading', UI),
  async('hideLoading', UI),
  async('showModal', UI),
  async('showActionSheet', UI),
  async('setNavigationBarTitle', UI),
  async('setNavigationBarColor', UI),
  async('showNavigationBarLoading', UI),
  async('hideNavigationBarLoading', UI),
  async('pageScrollTo', UI),
  ...listeners('KeyboardHeightChange', {
    ...SIMULATED,
    note: 'no soft keyboard, as in WeChat’s simulator: the height stays 0, listeners are never called',
  }),
  async('startPullDownRefresh', UI),
  async('stopPullDownRefresh', UI),
  sync('createAnimation', {
    note: 'its export played by a component’s `animation` attribute, one CSS transition per step',
  }),
  async('setBackgroundColor', {
    ...SIMULATED_UI,
    params: {
      backgroundColor: 'String?',
      backgroundColorTop: 'String?',
      backgroundColorBottom: 'String?',
    },
  }),
  async('setBackgroundTextStyle', { ...SIMULATED_UI, params: { textStyle: 'String' } }),
  // Tab bar: checked against app.json's tabBar; the simulator's bar follows.
  async('setTabBarItem', {
    ...UI,
    params: { index: 'Number', text: 'String?', iconPath: 'String?', selectedIconPath: 'String?' },
  }),
  async('setTabBarStyle', {
    ...UI,
    params: {
      color: 'String?',
      selectedColor: 'String?',
      backgroundColor: 'String?',
      borderStyle: 'String?',
    },
  }),
  async('setTabBarBadge', { ...UI, params: { index: 'Number', text: 'String' } }),
  async('removeTabBarBadge', { ...UI, params: { index: 'Number' } }),
  async('showTabBarRedDot', { ...UI, params: { index: 'Number' } }),
  async('hideTabBarRedDot', { ...UI, params: { index: 'Number' } }),
  async('showTabBar', { ...UI, params: { animation: 'Boolean?' } }),
  async('hideTabBar', { ...UI, params: { animation: 'Boolean?' } }),
  // Share menu
  async('showShareMenu', {
    ...SIMULATED,
    params: { withShareTicket: 'Boolean?', menus: 'Array?' },
  }),
  async('hideShareMenu', { ...SIMULATED, params: { menus: 'Array?' } }),
  async('updateShareMenu', {
    ...SIMULATED,
    params: { withShareTicket: 'Boolean?', isUpdatableMessage: 'Boolean?', activityId: 'String?' },
  }),
  // Device
  async('setClipboardData', {
    params: { data: 'String' },
    note: 'the simulated phone’s own clipboard',
  }),
  async('getClipboardData', { note: 'the simulated phone’s own clipboard' }),
  async('makePhoneCall', {
    ...SIMULATED,
    params: { phoneNumber: 'String' },
    note: 'logged in the console',
  }),
  async('vibrateShort', { ...SIMULATED, params: { type: 'String?' } }),
  async('vibrateLong', SIMULATED),
  async('scanCode', {
    ...SIMULATED_UI,
    params: { onlyFromCamera: 'Boolean?', scanType: 'Array?' },
    note: 'the simulator asks for the result; headless it is cancelled',
  }),
  // Location
  async('getLocation', {
    ...SIMULATED,
    params: { type: 'String?', altitude: 'Boolean?' },
    note: 'the simulator’s 位置 (toolbar; default WeChat DevTools’ own, 23.099994, 113.32452)',
  }),
  async('startLocationUpdate', {
    ...SIMULATED,
    note: 'the simulated location once, then each move of the simulator’s 位置 (toolbar)',
  }),
  async('startLocationUpdateBackground', {
    ...SIMULATED,
    note: 'as startLocationUpdate, asked with `scope.userLocationBackground`',
  }),
  async('stopLocationUpdate', SIMULATED),
  ...listeners('LocationChange', SIMULATED),
  async('chooseLocation', {
    ...SIMULATED_UI,
    params: { latitude: 'Number?', longitude: 'Number?' },
    note: 'picks the simulated location',
  }),
  // Open APIs: login and authorization
  async('login', {
    ...MAIN,
    params: { timeout: 'Number?' },
    note: 'a simulated code; a tourist appid fails',
  }),
  async('checkSession', { ...MAIN, note: 'valid after a login in this project' }),
  async('getUserProfile', {
    ...UI,
    params: { desc: 'String', lang: 'String?' },
    note: 'the simulator asks; headless answers as configured (default allow)',
  }),
  async('getUserInfo', {
    ...SIMULATED,
    params: { withCredentials: 'Boolean?', lang: 'String?' },
    note: 'the anonymous user WeChat answers, without asking',
  }),
  async('getSetting', {
    params: { withSubscriptions: 'Boolean?' },
    note: 'the simulator keeps the answers per appid, shown and editable in 详情; headless per run',
  }),
  async('openSetting', { ...SIMULATED, params: { withSubscriptions: 'Boolean?' } }),
  async('authorize', { ...UI, params: { scope: 'String' } }),
  object('worklet', {
    ...SIMULATED,
    note: 'WebView render mode: worklets run on the JS thread; an animation sets its end value at once',
  }),
  // Cloud: no cloud environment is reachable from MP DevTools.
  object('cloud', {
    ...SIMULATED,
    ...MAIN,
    note: '`init` works; each call fails as with no cloud environment and is a Network row of type `cloud`',
  }),
  // Implemented beside their domain: component-model.ts and theme.ts.
  sync('createSelectorQuery', { note: 'the top page’s tree (`selector-query.ts`)' }),
  sync('createIntersectionObserver', { note: 'the top page’s tree (`intersection-observer.ts`)' }),
  // builtin-contexts.ts: found by id in the scope's tree when used.
  sync('createVideoContext', { note: 'the `<video>` of that id; headless it does nothing' }),
  sync('createMapContext', {
    note: 'the `<map>` of that id (a grid without tiles); layers, arcs, clusters fail `not supported`',
  }),
  sync('createCanvasContext', {
    note: 'the legacy `<canvas canvas-id>`: calls recorded, drawn by `draw()`',
  }),
  sync('createContext', {
    note: 'legacy, not in the typings: a context of no canvas whose `getActions()` go to `drawCanvas`',
  }),
  sync('drawCanvas', {
    note: 'legacy, not in the typings: draws `actions` on the `<canvas canvas-id>` of the page',
  }),
  async('canvasToTempFilePath', {
    note: 'a `wxfile://tmp_…` PNG/JPEG in the temp files (`x`/`y`/`width`/`height`, `destWidth`/`destHeight`)',
  }),
  ...listeners('ThemeChange', { note: 'the simulator’s 浅色/深色 switch' }),
  task('preDownloadSubpackage', {
    params: { packageType: 'String?', name: 'String?' },
    note: 'every subpackage and the workers are already loaded: progress 100, then success',
  }),
  sync('createWorker', {
    note: 'app.json `workers` bundled as one script; a Web Worker in the simulator, a Node worker thread in `mpdt run`',
  }),
]

/** Everything else WeChat's typings list, answered `not supported in MP DevTools`. */
const UNSUPPORTED: Record<WxApiKind, string[]> = {
  sync: [
    'batchGetStorageSync',
    'batchSetStorageSync',
    'cancelIdleCallback',
    'checkIsPictureInPictureActive',
    'createAudioContext',
    'createBufferURL',
    'createCacheManager',
    'createCameraContext',
    'createGlobalPayment',
    'createInferenceSession',
    'createInnerAudioContext',
    'createInterstitialAd',
    'createLivePlayerContext',
    'createLivePusherContext',
    'createMediaAudioPlayer',
    'createMediaContainer',
    'createMediaRecorder',
    'createOffscreenCanvas',
    'createRewardedVideoAd',
    'createTCPSocket',
    'createUDPSocket',
    'createVKSession',
    'createVideoDecoder',
    'createWebAudioContext',
    'getApiCategory',
    'getBackgroundAudioManager',
    'getBatteryInfoSync',
    'getExptInfoSync',
    'getLogManager',
    'getNFCAdapter',
    'getPluginUpdateManager',
    'getRealtimeLogManager',
    'getRecorderManager',
    'getRendererUserAgent',
    'getUserCryptoManager',
    'getXrFrameSystem',
    'isVKSupport',
    'reportMonitor',
    'reportPerformance',
    'requestIdleCallback',
    'revokeBufferURL',
  ],
  async: [
    'addCard',
    'addFileToFavorites',
    'addPaymentPassFinish',
    'addPaymentPassGetCertificateData',
    'addPhoneCalendar',
    'addPhoneContact',
    'addPhoneRepeatCalendar',
    'addVideoToFavorites',
    'authPrivateMessage',
    'authorizeForMiniProgram',
    'batchGetStorage',
    'batchSetStorage',
    'bindEmployeeRelation',
    'canAddSecureElementPass',
    'canvasGetImageData',
    'canvasPutImageData',
    'checkDeviceSupportHevc',
    'checkEmployeeRelation',
    'checkIsAddedToMyMiniProgram',
    'checkIsOpenAccessibility',
    'checkIsSoterEnrolledInDevice',
    'checkIsSupportFacialRecognition',
    'checkIsSupportSoterAuthentication',
    'checkTransitCardSupport',
    'chooseAddress',
    'chooseContact',
    'chooseInvoice',
    'chooseInvoiceTitle',
    'chooseLicensePlate',
    'chooseMessageFile',
    'choosePoi',
    'chooseVideo',
    'closeBLEConnection',
    'closeBluetoothAdapter',
    'compressVideo',
    'connectWifi',
    'createBLEConnection',
    'createBLEPeripheralServer',
    'cropImage',
    'deleteTransitCard',
    'disableAlertBeforeUnload',
    'editImage',
    'enableAlertBeforeUnload',
    'enterChatToolMode',
    'exitMiniProgram',
    'exitVoIPChat',
    'faceDetect',
    'getAvailableAudioSources',
    'getBLEDeviceCharacteristics',
    'getBLEDeviceRSSI',
    'getBLEDeviceServices',
    'getBLEMTU',
    'getBackgroundAudioPlayerState',
    'getBackgroundFetchData',
    'getBackgroundFetchToken',
    'getBatteryInfo',
    'getBeacons',
    'getBluetoothAdapterState',
    'getBluetoothDevices',
    'getChannelsLiveInfo',
    'getChannelsLiveNoticeInfo',
    'getChannelsShareKey',
    // Newer than the typings; the official demo's chattool page calls it.
    'getChatForwardMaterials',
    'getChatToolInfo',
    'getCommonConfig',
    'getConnectedBluetoothDevices',
    'getConnectedWifi',
    'getDeviceBenchmarkInfo',
    'getDeviceVoIPList',
    'getFuzzyLocation',
    'getGroupEnterInfo',
    'getHCEState',
    'getInferenceEnvInfo',
    'getLocalIPAddress',
    'getPrivacySetting',
    'getRandomValues',
    'getScreenBrightness',
    'getScreenRecordingState',
    'getSecureElementPasses',
    'getSelectedTextRange',
    'getShareInfo',
    'getShowSplashAdStatus',
    'getSystemInfoAsync',
    'getTransitCardCPLC',
    'getTransitCardInfo',
    'getTransitCardList',
    'getVideoInfo',
    'getWeRunData',
    'getWifiList',
    'hideHomeButton',
    'hideKeyboard',
    'initFaceDetect',
    'isBluetoothDevicePaired',
    'issueTransitCard',
    'join1v1Chat',
    'joinVoIPChat',
    'jumpToOfflinePay',
    'loadBuiltInFontFace',
    'loadFontFace',
    'makeBluetoothPair',
    'navigateBackMiniProgram',
    'navigateToMiniProgram',
    'notifyBLECharacteristicValueChange',
    'notifyGroupMembers',
    'openAppAuthorizeSetting',
    'openBluetoothAdapter',
    'openCard',
    'openChannelsActivity',
    'openChannelsEvent',
    'openChannelsLive',
    'openChannelsLiveNoticeInfo',
    'openChannelsUserProfile',
    'openChatTool',
    'openCustomerServiceChat',
    'openDesignerProfile',
    'openDocument',
    'openEmbeddedMiniProgram',
    'openHKOfflinePayView',
    'openInquiriesTopic',
    'openLocation',
    'openOfficialAccountArticle',
    'openOfficialAccountChat',
    'openOfficialAccountProfile',
    'openPrivacyContract',
    'openSingleStickerView',
    'openStickerIPView',
    'openStickerSetView',
    'openStoreCouponDetail',
    'openStoreOrderDetail',
    'openSystemBluetoothSetting',
    'openVideoEditor',
    'pauseBackgroundAudio',
    'pauseVoice',
    'playBackgroundAudio',
    'playVoice',
    'pluginLogin',
    'postMessageToReferrerMiniProgram',
    'postMessageToReferrerPage',
    'previewMedia',
    'readBLECharacteristicValue',
    'rechargeTransitCard',
    'removeSecureElementPass',
    'requestAppleSubscribeSign',
    'requestCommonPayment',
    'requestDeviceVoIP',
    'requestFacialVerify',
    'requestMerchantTransfer',
    'requestOrderPayment',
    'requestPayment',
    'requestPluginPayment',
    'requestSubscribeDeviceMessage',
    'requestSubscribeEmployeeMessage',
    'requestSubscribeMessage',
    'requestVirtualPayment',
    'requirePrivacyAuthorize',
    'reserveChannelsLive',
    'restartMiniProgram',
    'rewriteRoute',
    'saveFileToDisk',
    'saveVideoToPhotosAlbum',
    'seekBackgroundAudio',
    'selectGroupMembers',
    'sendHCEMessage',
    'sendSms',
    'setBLEMTU',
    'setBackgroundFetchToken',
    'setEnable1v1Chat',
    'setEnableDebug',
    'setInnerAudioOption',
    'setKeepScreenOn',
    'setScreenBrightness',
    'setTopBarText',
    'setVisualEffectOnCapture',
    'setWifiList',
    'setWindowSize',
    'shareAppMessageToGroup',
    'shareEmojiToGroup',
    'shareFileMessage',
    'shareFileToGroup',
    'shareImageToGroup',
    'shareToOfficialAccount',
    'shareToWeRun',
    'shareVideoMessage',
    'shareVideoToGroup',
    'showRedPackage',
    'showShareImageMenu',
    'startAccelerometer',
    'startBeaconDiscovery',
    'startBluetoothDevicesDiscovery',
    'startCompass',
    'startDeviceMotionListening',
    'startGyroscope',
    'startHCE',
    'startLocalServiceDiscovery',
    'startRecord',
    'startSoterAuthentication',
    'startWifi',
    'stopAccelerometer',
    'stopBackgroundAudio',
    'stopBeaconDiscovery',
    'stopBluetoothDevicesDiscovery',
    'stopCompass',
    'stopDeviceMotionListening',
    'stopFaceDetect',
    'stopGyroscope',
    'stopHCE',
    'stopLocalServiceDiscovery',
    'stopRecord',
    'stopVoice',
    'stopWifi',
    'subscribeVoIPVideoMembers',
    'updateVoIPChatMuteConfig',
    'updateWeChatApp',
    'writeBLECharacteristicValue',
  ],
  task: [],
  listener: [
    'offAccelerometerChange',
    'offAfterPageLoad',
    'offAfterPageUnload',
    'offApiCategoryChange',
    'offAppRoute',
    'offAppRouteDone',
    'offAudioInterruptionBegin',
    'offAudioInterruptionEnd',
    'offBLECharacteristicValueChange',
    'offBLEConnectionStateChange',
    'offBLEMTUChange',
    'offBLEPeripheralConnectionStateChanged',
    'offBatteryInfoChange',
    'offBeaconServiceChange',
    'offBeaconUpdate',
    'offBeforeAppRoute',
    'offBeforePageLoad',
    'offBeforePageUnload',
    'offBluetoothAdapterStateChange',
    'offBluetoothDeviceFound',
    'offCompassChange',
    'offCopyUrl',
    'offDeviceMotionChange',
    'offEmbeddedMiniProgramHeightChange',
    'offGeneratePoster',
    'offGetWifiList',
    'offGyroscopeChange',
    'offHCEMessage',
    'offKeyDown',
    'offKeyUp',
    'offLazyLoadError',
    'offLocalServiceDiscoveryStop',
    'offLocalServiceFound',
    'offLocalServiceLost',
    'offLocalServiceResolveFail',
    'offLocationChangeError',
    'offMemoryWarning',
    'offMenuButtonBoundingClientRectWeightChange',
    'offParallelStateChange',
    'offScreenRecordingStateChanged',
    'offUserCaptureScreen',
    'offUserOffTranslation',
    'offUserTriggerTranslation',
    'offVoIPChatInterrupted',
    'offVoIPChatMembersChanged',
    'offVoIPChatSpeakersChanged',
    'offVoIPChatStateChanged',
    'offVoIPVideoMembersChanged',
    'offWifiConnected',
    'offWifiConnectedWithPartialInfo',
    'offWindowResize',
    'offWindowStateChange',
    'onAccelerometerChange',
    'onAfterPageLoad',
    'onAfterPageUnload',
    'onApiCategoryChange',
    'onAppRoute',
    'onAppRouteDone',
    'onAudioInterruptionBegin',
    'onAudioInterruptionEnd',
    'onBLECharacteristicValueChange',
    'onBLEConnectionStateChange',
    'onBLEMTUChange',
    'onBLEPeripheralConnectionStateChanged',
    'onBackgroundAudioPause',
    'onBackgroundAudioPlay',
    'onBackgroundAudioStop',
    'onBackgroundFetchData',
    'onBatteryInfoChange',
    'onBeaconServiceChange',
    'onBeaconUpdate',
    'onBeforeAppRoute',
    'onBeforePageLoad',
    'onBeforePageUnload',
    'onBluetoothAdapterStateChange',
    'onBluetoothDeviceFound',
    'onCompassChange',
    'onCopyUrl',
    'onDeviceMotionChange',
    'onEmbeddedMiniProgramHeightChange',
    'onGeneratePoster',
    'onGetWifiList',
    'onGyroscopeChange',
    'onHCEMessage',
    'onKeyDown',
    'onKeyUp',
    'onLazyLoadError',
    'onLocalServiceDiscoveryStop',
    'onLocalServiceFound',
    'onLocalServiceLost',
    'onLocalServiceResolveFail',
    'onLocationChangeError',
    'onMemoryWarning',
    'onMenuButtonBoundingClientRectWeightChange',
    'onNeedPrivacyAuthorization',
    'onParallelStateChange',
    'onScreenRecordingStateChanged',
    'onUserCaptureScreen',
    'onUserOffTranslation',
    'onUserTriggerTranslation',
    'onVoIPChatInterrupted',
    'onVoIPChatMembersChanged',
    'onVoIPChatSpeakersChanged',
    'onVoIPChatStateChanged',
    'onVoIPVideoMembersChanged',
    'onWifiConnected',
    'onWifiConnectedWithPartialInfo',
    'onWindowResize',
    'onWindowStateChange',
  ],
  object: [],
}

/** The whole table, by name. */
export const WX_API: ReadonlyMap<string, WxApiEntry> = new Map(
  [
    ...ANSWERED,
    ...Object.entries(UNSUPPORTED).flatMap(([kind, names]) =>
      names.map((name) => entry(kind as WxApiKind, name, { status: 'unsupported' })),
    ),
  ].map((api) => [api.name, api]),
)

/** The methods the simulator frame may ask the main process for over `wx-bridge:call`. */
export const FRAME_CALLABLE: ReadonlySet<string> = new Set(
  [...WX_API.values()].filter((api) => api.runs === 'main').map((api) => api.name),
)

/**
 * The frame-callable methods that start a task (shared/runtime/wx-task.ts): the task registry
 * runs them, their events follow the call.
 */
export const MAIN_TASKS: ReadonlySet<string> = new Set(
  [...WX_API.values()]
    .filter((api) => api.runs === 'main' && api.kind === 'task')
    .map((api) => api.name),
)

/** `<name>:fail not supported in MP DevTools` */
export function notSupportedMessage(name: string): string {
  return `${name}:fail not supported in MP DevTools`
}

/**
 * The built-in components the simulator renders, for `wx.canIUse('<component>.<attribute>…')`:
 * an attribute listed with values answers only for those values; any other attribute of a listed
 * component answers true. The simulator's frame checks this list against what it registers.
 */
export const WX_COMPONENTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> =
  {
    view: {},
    text: {},
    block: {},
    button: {
      'open-type': [
        'getUserInfo',
        'getPhoneNumber',
        'getRealtimePhoneNumber',
        'chooseAvatar',
        'openSetting',
        'share',
        'contact',
        'feedback',
        'agreePrivacyAuthorization',
      ],
      'form-type': ['submit', 'reset'],
    },
    form: {},
    input: {},
    textarea: {},
    image: {},
    'cover-image': {},
    navigator: { 'open-type': ['navigate', 'redirect', 'switchTab', 'reLaunch', 'navigateBack'] },
    icon: {},
    progress: {},
    checkbox: {},
    'checkbox-group': {},
    radio: {},
    'radio-group': {},
    switch: {},
    label: {},
    slider: {},
    picker: {},
    'scroll-view': {},
    swiper: {},
    'swiper-item': {},
    'rich-text': {},
    'picker-view': {},
    'picker-view-column': {},
    'movable-area': {},
    'movable-view': {},
    map: {},
    editor: {},
    canvas: { type: ['2d', 'webgl'] },
    video: {},
    audio: {},
    'page-meta': {},
    'navigation-bar': {},
    'root-portal': {},
    'match-media': {},
    'page-container': {},
    'web-view': {},
    camera: {},
    'live-player': {},
    'live-pusher': {},
    ad: {},
    'grid-view': { type: ['aligned', 'masonry'] },
    'list-view': {},
    'sticky-section': {},
    'sticky-header': {},
    span: {},
    'share-element': {},
    'open-container': {},
    snapshot: {},
    selection: {},
    'pan-gesture-handler': {},
    'vertical-drag-gesture-handler': {},
    'horizontal-drag-gesture-handler': {},
    'tap-gesture-handler': {},
    'double-tap-gesture-handler': {},
    'long-press-gesture-handler': {},
    'scale-gesture-handler': {},
    'force-press-gesture-handler': {},
  }
