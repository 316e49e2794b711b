/**
 * `wx.previewImage` in the phone: WeChat's full-screen black viewer with the current picture
 * fitted, its place as `2 / 3`, the previous and next pictures a tap on either side (a swipe on the
 * phone), and a tap anywhere else closing it. Pictures load as `<image>` loads them: remote and
 * data URLs as they are, the code package's files from the bundle, `wxfile://` files read
 * through the files port.
 */
import { resolveImageSource, type LocalFileReader } from './builtins/image'
import { element, phoneButton } from './dom'

export interface ImageViewerOptions {
  doc: Document
  layer: HTMLElement
  /** Image files as data URLs by project path. */
  assets: Record<string, string>
  readLocalFile?: LocalFileReader
}

/** Shows `urls` from index `current`; `closed` runs once the user closes the viewer. */
export function showImageViewer(
  options: ImageViewerOptions,
  urls: readonly string[],
  current: number,
  closed: () => void = () => undefined,
): void {
  const { doc, layer } = options
  const picture = element(doc, 'img', { class: 'mp-image-viewer-picture', alt: '' })
  const place = element(doc, 'div', { class: 'mp-image-viewer-place', 'aria-live': 'polite' })
  // The phone's swipe: a tap on either side (transparent buttons, named for assistive tech).
  const previous = phoneButton(doc, {
    class: 'mp-image-viewer-side mp-image-viewer-previous',
    'aria-label': '上一张',
  })
  const next = phoneButton(doc, {
    class: 'mp-image-viewer-side mp-image-viewer-next',
    'aria-label': '下一张',
  })
  const viewer = element(
    doc,
    'div',
    { class: 'mp-image-viewer', role: 'dialog', 'aria-modal': 'true', 'aria-label': '图片预览' },
    [picture, place, previous, next],
  )
  let index = Math.min(Math.max(current, 0), urls.length - 1)
  let blobUrl: string | undefined
  const release = () => {
    if (blobUrl) URL.revokeObjectURL(blobUrl)
    blobUrl = undefined
  }
  const show = () => {
    release()
    const url = urls[index]
    place.textContent = urls.length > 1 ? `${index + 1} / ${urls.length}` : ''
    picture.dataset.src = url
    if (url.startsWith('wxfile://')) {
      picture.removeAttribute('src')
      const shown = index
      options.readLocalFile?.(url, (data) => {
        if (shown !== index || !data || !viewer.isConnected) return
        blobUrl = URL.createObjectURL(new Blob([data.slice()]))
        picture.setAttribute('src', blobUrl)
      })
      return
    }
    const source = resolveImageSource(url, '', options.assets)
    if (source === null) picture.removeAttribute('src')
    else picture.setAttribute('src', source)
  }
  const step = (by: number) => (event: Event) => {
    event.stopPropagation()
    index = Math.min(Math.max(index + by, 0), urls.length - 1)
    show()
  }
  previous.addEventListener('click', step(-1))
  next.addEventListener('click', step(1))
  viewer.addEventListener('click', () => {
    release()
    viewer.remove()
    closed()
  })
  show()
  layer.appendChild(viewer)
}
