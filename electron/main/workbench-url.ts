/**
 * Which URLs are our own workbench: the built page under out/renderer (file://), or, during
 * development, pages of the electron-vite dev server's origin.
 */
import { fileURLToPath } from 'node:url'
import { isInside } from '../host/static-files'

export function createWorkbenchUrlCheck(options: {
  rendererDir: string
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
    if (parsed.protocol === 'file:') {
      if (parsed.host !== '') return false
      return isInside(options.rendererDir, fileURLToPath(parsed))
    }
    return devOrigin !== undefined && parsed.origin === devOrigin
  }
}
