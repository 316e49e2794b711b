/**
 * `rpx` in inline `style` attributes, converted after `{{}}` evaluation: every style glass-easel
 * writes goes through the compiler's environment-free `transformRpx` for the device's width, and
 * its viewport heights and safe-area insets are read from the page's viewport (page-viewport.ts).
 */
import * as glassEasel from 'glass-easel'
import { transformRpx, type RpxOptions } from '../../../../shared/inline-style'
import type { SystemInfo } from '../../../../shared/runtime'
import { pageViewportStyles } from './page-viewport'

const original = glassEasel.Element.prototype.setNodeStyle

/** The rpx options WeChat uses on `device`: 0.5 px hairlines on iOS screens denser than 1x. */
export function rpxOptionsFor(device: SystemInfo): RpxOptions {
  const ios = /ios/i.test(device.system)
  return { deviceWidth: device.screenWidth, hairline: ios && device.pixelRatio > 1 ? 0.5 : 1 }
}

export function installInlineRpx(device: SystemInfo): void {
  const options = rpxOptionsFor(device)
  glassEasel.Element.prototype.setNodeStyle = function (style, index) {
    return original.call(this, pageViewportStyles(transformRpx(style, options)), index)
  }
}
