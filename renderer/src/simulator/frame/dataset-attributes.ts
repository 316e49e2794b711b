/**
 * `data-*` attributes in the DOM, as WeChat's renderer keeps them: glass-easel's DOM backend only
 * fills `dataset` (for events), so a style sheet's `[data-weui-theme=dark]` selector (WeUI's dark
 * theme) or `[data-status=done]` would never match. Every dataset write also sets the element's
 * attribute (`weuiTheme` → `data-weui-theme`); a value that is not a string, number or boolean
 * removes it, since WeChat keeps only those as text.
 */
import * as glassEasel from 'glass-easel'

const original = glassEasel.Element.prototype.setDataset

/** `weuiTheme` → `weui-theme`, the attribute name WXML's `data-weui-theme` had. */
export function datasetAttributeName(name: string): string {
  return `data-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`
}

export function installDatasetAttributes(): void {
  glassEasel.Element.prototype.setDataset = function (name: string, value: unknown) {
    original.call(this, name, value)
    const node = (this as unknown as { _$backendElement?: unknown })._$backendElement
    if (!node || typeof (node as Element).setAttribute !== 'function') return
    const element = node as Element
    const attribute = datasetAttributeName(name)
    try {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        element.setAttribute(attribute, String(value))
      } else {
        element.removeAttribute(attribute)
      }
    } catch {
      // A name the DOM refuses as an attribute stays in `dataset` only, as before.
    }
  }
}
