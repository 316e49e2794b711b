/**
 * Which messages the frame accepts: only from its parent window (checked by the caller), and only
 * a HostMessage of a known type with the fields it needs. Anything else is dropped unread.
 */
import type { HostMessage } from '../../../../shared/simulator-protocol'
import { isTheme } from '../../../../shared/theme'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** A place on Earth: latitude within ±90, longitude within ±180. */
function isLocation(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.latitude === 'number' &&
    Math.abs(value.latitude) <= 90 &&
    typeof value.longitude === 'number' &&
    Math.abs(value.longitude) <= 180
  )
}

export function isHostMessage(value: unknown): value is HostMessage {
  if (!isRecord(value)) return false
  switch (value.type) {
    case 'wx-host:boot':
      return (
        isRecord(value.bundle) &&
        isRecord(value.systemInfo) &&
        isRecord(value.storage) &&
        typeof value.networkType === 'string' &&
        (value.entry === undefined || typeof value.entry === 'string') &&
        (value.scene === undefined || Number.isInteger(value.scene)) &&
        (value.theme === undefined || isTheme(value.theme)) &&
        (value.location === undefined || isLocation(value.location)) &&
        (value.authSetting === undefined || isRecord(value.authSetting))
      )
    case 'wx-host:task':
      return typeof value.taskId === 'string' && isRecord(value.event)
    case 'wx-host:file':
      return (
        typeof value.callId === 'string' &&
        isRecord(value.result) &&
        typeof value.result.ok === 'boolean'
      )
    case 'wx-host:call':
      return (
        typeof value.callId === 'string' &&
        isRecord(value.result) &&
        typeof value.result.ok === 'boolean'
      )
    case 'wx-host:network-type':
      return typeof value.networkType === 'string'
    case 'wx-host:theme':
      return isTheme(value.theme)
    case 'wx-host:location':
      return isLocation(value.location)
    case 'wx-host:authorization':
      return isRecord(value.authSetting)
    case 'wx-host:eval':
      return typeof value.evalId === 'string' && typeof value.code === 'string'
    case 'wx-host:automation':
      return (
        isRecord(value.command) &&
        typeof value.command.id === 'string' &&
        typeof value.command.method === 'string' &&
        isRecord(value.command.params)
      )
    default:
      return false
  }
}
