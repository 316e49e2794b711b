/**
 * The width of a `<button>` whose `width` is auto. WeChat's button is a custom element: a block
 * one fills its line, but made inline-level (TDesign's `.t-button { display: inline-flex }`, an
 * `inline-block` class) or laid out as a flex or grid item it is as wide as its content. The host
 * here is an HTML button, which is always as wide as its content, so the base CSS fills the line
 * unless the host carries `wx-fit`, set here from its computed display and its parent's.
 */
const FLOW_BLOCK = new Set(['block', 'flow-root', 'list-item'])
const ITEM_PARENT = /^(inline-)?(flex|grid)$/

const pending = new Set<HTMLElement>()
let flushing = false

/** Keeps `wx-fit` on `host` right now and whenever its class or inline style changes. */
export function watchButtonFit(host: HTMLElement): () => void {
  schedule(host)
  const view = host.ownerDocument.defaultView
  if (!view?.MutationObserver) return () => pending.delete(host)
  const observer = new view.MutationObserver(() => schedule(host))
  observer.observe(host, { attributes: true, attributeFilter: ['class', 'style'] })
  return () => {
    observer.disconnect()
    pending.delete(host)
  }
}

function schedule(host: HTMLElement): void {
  pending.add(host)
  if (flushing) return
  flushing = true
  // After the template's other changes in the same turn, before the frame is painted.
  queueMicrotask(flush)
}

function flush(): void {
  flushing = false
  const ready = [...pending].filter((host) => host.isConnected)
  for (const host of ready) pending.delete(host)
  // Every read first, then every write: one style recalculation for the whole batch.
  const fits = ready.map(fitsContent)
  ready.forEach((host, index) => {
    if (fits[index]) host.setAttribute('wx-fit', '')
    else host.removeAttribute('wx-fit')
  })
  // Hosts built before their page entered the document are measured once it has.
  if (pending.size > 0) requestAnimationFrame(() => pending.size > 0 && flush())
}

function fitsContent(host: HTMLElement): boolean {
  const style = host.ownerDocument.defaultView!.getComputedStyle(host)
  if (!FLOW_BLOCK.has(style.display)) return true
  const parent = host.parentElement
  if (!parent) return false
  return ITEM_PARENT.test(parent.ownerDocument.defaultView!.getComputedStyle(parent).display)
}
