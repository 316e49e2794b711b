/**
 * The folder path of something dropped on the window. Electron: the preload's path helper (the
 * renderer itself cannot see paths). Browsers: only a `file://` URI some file managers add.
 */
import { preloadApi } from '.'

/** Turns `file:///home/me/app` into `/home/me/app` and `file:///C:/app` into `C:/app`. */
export function pathFromFileUri(uri: string): string | null {
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return null
  }
  if (url.protocol !== 'file:') return null
  const path = decodeURIComponent(url.pathname)
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path
}

export function droppedFolderPath(data: DataTransfer | null): string | null {
  if (!data) return null
  const api = preloadApi()
  const file = data.files[0]
  if (api && file) {
    const path = api.pathForFile(file)
    if (path) return path
  }
  const uri = data
    .getData('text/uri-list')
    .split(/\r?\n/)
    .find((line) => line.startsWith('file:'))
  return uri ? pathFromFileUri(uri) : null
}
