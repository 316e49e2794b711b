/** The phone `mpdt run` simulates: WeChat DevTools' default iPhone, as the mini-program sees it. */
import type { SystemInfo } from '../../../shared/runtime/native-port'

export const SIMULATED_SYSTEM_INFO: SystemInfo = {
  brand: 'devtools',
  model: 'iPhone 12/13 (Pro)',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 753,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.5',
  system: 'iOS 10.0.1',
  platform: 'devtools',
  fontSizeSetting: 16,
  SDKVersion: '3.3.4',
}

/** Sent on every request instead of the caller's; WeChat does not let a mini-program change it. */
export const SIMULATED_USER_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 10_0_1 like Mac OS X) AppleWebKit/605.1.15 ' +
  '(KHTML, like Gecko) Mobile/15E148 wechatdevtools MicroMessenger/8.0.5 Language/zh_CN webview/'
