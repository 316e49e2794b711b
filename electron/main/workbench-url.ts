/**
 * Which URLs are our own workbench: pages of the app's own scheme (mpdt://workbench, see
 * app-protocol.ts) or, during development, of the electron-vite dev server's origin.
 */
import { APP_HOST, APP_SCHEME } from './app-protocol'

export function createWorkbenchUrlCheck(options: {
  devServerUrl?: string
}): (url: string) => boolean {
  const devOrigin = options.devServerUrl ? new URL(options.devServerUrl).origin : undefined
  return (url) => {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return false
    }
    if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST
    return devOrigin !== undefined && parsed.origin === devOrigin
  }
}
