/**
 * `<image>`: 320×240 by default; the picture is an `<img>` inside whose `object-fit` and
 * `object-position` follow `mode`, so `widthFix`/`heightFix` size the host from the picture.
 * Local paths resolve against the page (or component) that uses the image, to the bundle's data
 * URLs; `bindload` gets the natural `{ width, height }`, `binderror` an `errMsg`.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, type Data } from './define'

export interface ImageStyle {
  /** On the host: a fixed side gives way to the picture's ratio. */
  host: { width?: 'auto'; height?: 'auto' }
  img: { width: string; height: string; objectFit: string; objectPosition: string }
}

const CROP_POSITIONS: Record<string, string> = {
  top: 'center top',
  bottom: 'center bottom',
  center: 'center center',
  left: 'left center',
  right: 'right center',
  'top left': 'left top',
  'top right': 'right top',
  'bottom left': 'left bottom',
  'bottom right': 'right bottom',
}

/** The CSS that draws `mode` as WeChat does. Unknown modes draw as `scaleToFill`. */
export function imageStyle(mode: string): ImageStyle {
  const fill = { width: '100%', height: '100%', objectPosition: 'center center' }
  switch (mode) {
    case 'aspectFit':
      return { host: {}, img: { ...fill, objectFit: 'contain' } }
    case 'aspectFill':
      return { host: {}, img: { ...fill, objectFit: 'cover' } }
    case 'widthFix':
      return { host: { height: 'auto' }, img: { ...fill, height: 'auto', objectFit: 'fill' } }
    case 'heightFix':
      return { host: { width: 'auto' }, img: { ...fill, width: 'auto', objectFit: 'fill' } }
    default:
      if (CROP_POSITIONS[mode]) {
        return {
          host: {},
          img: { ...fill, objectFit: 'none', objectPosition: CROP_POSITIONS[mode] },
        }
      }
      return { host: {}, img: { ...fill, objectFit: 'fill' } }
  }
}

const REMOTE = /^(https?:|data:|blob:)/i

/** `name` with its %XX escapes decoded, or as it is when they do not decode. */
function decodedName(name: string): string {
  try {
    return decodeURIComponent(name)
  } catch {
    return name
  }
}

/**
 * The URL to load for `src` used by the component at `ownerPath`: remote and data URLs as they
 * are, local paths (absolute from the root of the owner's code package, or relative to the owner's
 * folder) from `assets`; `null` when a local file is not in the bundle. The code package is the
 * mini-program, or the extended library (one of `libraryRoots`, `miniprogram_npm/weui-miniprogram/`)
 * the owner belongs to, and then the mini-program when the library has no such file. As WeChat's local file server does, a query or fragment does not name
 * another file and a %-escaped name is the file's own name.
 */
export function resolveImageSource(
  src: string,
  ownerPath: string,
  assets: Record<string, string>,
  libraryRoots: readonly string[] = [],
): string | null {
  if (REMOTE.test(src)) return src
  const path = src.replace(/[?#].*$/s, '')
  const library = libraryRoots.find((root) => ownerPath.startsWith(root))
  if (!path.startsWith('/')) return bundled(assets, ownerPath.split('/').slice(0, -1), path)
  // A library's component shows its own pictures (`/_assets/…`) and the project's ones the page
  // hands it in data (mp-grids' `imgUrl`, mp-tabbar's `iconPath`: `/images/…`).
  const own = library ? bundled(assets, library.split('/').filter(Boolean), path) : null
  return own ?? bundled(assets, [], path)
}

/** The bundled URL of `path` taken from the folder `base` (its parts); `null` when missing. */
function bundled(assets: Record<string, string>, base: string[], path: string): string | null {
  const parts = [...base]
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  const name = parts.join('/')
  return assets[name] ?? assets[decodedName(name)] ?? null
}

/** The bytes of a mini-program file (`wxfile://…`), or `undefined` when it cannot be read. */
export type LocalFileReader = (path: string, done: (data: Uint8Array | undefined) => void) => void

/**
 * Starts a network picture's request (`load`): at once, or later (the simulator holds them until
 * its first page has painted).
 */
export type RemoteLoadStarter = (load: () => void) => void

const NETWORK = /^https?:/i

/** Where `<image>` finds its pictures (BuiltinsOptions' fields of the same names). */
export interface ImageSources {
  assets: Record<string, string>
  readLocalFile?: LocalFileReader
  startRemoteLoad?: RemoteLoadStarter
  libraryRoots?: readonly string[]
}

/** The pictures `preloadImage` has requested and not yet received (kept from collection). */
const preloading = new Set<HTMLImageElement>()

/**
 * `wx.preloadAssets`' image: a network picture requested as `<image>` requests it (through
 * `startRemoteLoad`, after the first paint), so that a later `<image>` of it finds it in the
 * cache. The code package's files are in the bundle already: nothing to fetch for them.
 */
export function preloadImage(
  doc: Document,
  src: string,
  startRemoteLoad: RemoteLoadStarter = (load) => load(),
): void {
  if (!NETWORK.test(src)) return
  startRemoteLoad(() => {
    const img = doc.createElement('img')
    const settle = () => preloading.delete(img)
    img.addEventListener('load', settle, { once: true })
    img.addEventListener('error', settle, { once: true })
    preloading.add(img)
    img.src = src
  })
}

/**
 * `<image>`, and `<cover-image>` (an image above native components, the same in the simulator).
 * A `wxfile://` picture is read through `readLocalFile` and shown from a blob: URL.
 */
export function defineImage(
  space: glassEasel.ComponentSpace,
  tag: 'image' | 'cover-image',
  { assets, readLocalFile, startRemoteLoad = (load) => load(), libraryRoots = [] }: ImageSources,
): void {
  defineBuiltin(space, tag, {
    properties: {
      src: { type: String, value: '' },
      mode: { type: String, value: 'scaleToFill' },
      lazyLoad: { type: Boolean, value: false },
      webp: { type: Boolean, value: false },
      showMenuByLongpress: { type: Boolean, value: false },
    },
    render({ component, host, emit }) {
      const img = host.ownerDocument.createElement('img')
      img.setAttribute('alt', '')
      img.draggable = false
      host.appendChild(img)
      let src = ''
      img.addEventListener('load', () => {
        img.removeAttribute('wx-failed')
        if (img.getAttribute('src')) {
          emit('load', { width: img.naturalWidth, height: img.naturalHeight })
        }
      })
      img.addEventListener('error', () => {
        if (!img.getAttribute('src')) return
        img.setAttribute('wx-failed', '')
        emit('error', { errMsg: `GET ${src} failed` })
      })
      const owner = () => component.ownerShadowRoot?.getHostNode().is ?? ''
      let blobUrl: string | undefined
      const notFound = () => emit('error', { errMsg: `GET ${src} 404 (Not Found)` })
      const showLocalFile = (path: string) => {
        if (!readLocalFile) {
          setTimeout(notFound, 0)
          return
        }
        readLocalFile(path, (data) => {
          if (src !== path) return
          if (!data) {
            notFound()
            return
          }
          blobUrl = URL.createObjectURL(new Blob([data.slice()]))
          img.setAttribute('src', blobUrl)
        })
      }

      return (d: Data) => {
        const style = imageStyle(String(d.mode))
        host.setAttribute('mode', String(d.mode))
        // The base CSS lets the host side named here follow the picture (`image[wx-auto=height]`).
        host.setAttribute('wx-auto', style.host.height ? 'height' : style.host.width ? 'width' : '')
        Object.assign(img.style, style.img)
        // Chromium's lazy loading starts a picture as it nears the page's scrolled window, as
        // WeChat's lazy-load does (a few screens ahead).
        img.loading = d.lazyLoad === true ? 'lazy' : 'eager'
        if (String(d.src) === src) return
        img.removeAttribute('wx-failed')
        src = String(d.src)
        if (blobUrl) URL.revokeObjectURL(blobUrl)
        blobUrl = undefined
        if (!src) {
          img.removeAttribute('src')
          return
        }
        if (src.startsWith('wxfile://')) {
          img.removeAttribute('src')
          showLocalFile(src)
          return
        }
        const url = resolveImageSource(src, owner(), assets, libraryRoots)
        if (url === null) {
          img.removeAttribute('src')
          // Like a 404 from WeChat's local file server, reported after the current update.
          setTimeout(() => emit('error', { errMsg: `GET ${src} 404 (Not Found)` }), 0)
          return
        }
        if (!NETWORK.test(url)) {
          img.setAttribute('src', url)
          return
        }
        // Until then the element keeps no picture, as it would while the request is on its way.
        img.removeAttribute('src')
        const requested = src
        startRemoteLoad(() => {
          if (src === requested) img.setAttribute('src', url)
        })
      }
    },
  })
}
