/**
 * A length attribute of a built-in (WeChat types them number or string): a bare number is px,
 * `rpx` converts for the device width, other CSS lengths pass as they are.
 */
import { transformRpx } from '../../../../../shared/inline-style'

export function cssLength(value: unknown, deviceWidth: number): string {
  const text = String(value).trim()
  if (/^\d+(\.\d+)?$/.test(text)) return `${text}px`
  return transformRpx(text, { deviceWidth })
}
