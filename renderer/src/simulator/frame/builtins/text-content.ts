/**
 * `<text decode>` and `<text space>`: `text` stays a glass-easel native node (lists of thousands
 * cost no more than plain elements), so its text is rewritten in the DOM instead: entities decoded
 * and spaces made `nbsp`/`ensp`/`emsp`, again whenever the page changes the text. Only `text`
 * elements with one of these attributes are watched.
 */
import * as glassEasel from 'glass-easel'
import { domOf } from './define'
import { decodeEntities } from './rich-text'

const SPACES: Record<string, string> = { nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003' }

export interface TextOptions {
  decode: boolean
  /** `nbsp`, `ensp` or `emsp`; anything else keeps spaces as they are. */
  space: string
}

/** The text WeChat shows for `raw` under `options`. */
export function displayText(raw: string, options: TextOptions): string {
  const decoded = options.decode ? decodeEntities(raw) : raw
  const space = SPACES[options.space]
  return space ? decoded.replace(/ /g, space) : decoded
}

interface Watched {
  options: TextOptions
  observer: MutationObserver
}

const watched = new WeakMap<HTMLElement, Watched>()

function rewrite(element: HTMLElement, options: TextOptions): void {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text
    const shown = displayText(text.data, options)
    // Writing only changed text keeps the observer from answering its own writes forever.
    if (shown !== text.data) text.data = shown
  }
}

function watch(element: HTMLElement, change: Partial<TextOptions>): void {
  let entry = watched.get(element)
  if (!entry) {
    const options: TextOptions = { decode: false, space: '' }
    const observer = new (
      element.ownerDocument.defaultView as Window & typeof globalThis
    ).MutationObserver(() => rewrite(element, options))
    observer.observe(element, { childList: true, characterData: true, subtree: true })
    entry = { options, observer }
    watched.set(element, entry)
  }
  Object.assign(entry.options, change)
  rewrite(element, entry.options)
}

function isOn(value: unknown): boolean {
  return value !== false && value !== 'false' && value !== null && value !== undefined
}

let installed = false

/**
 * Starts rewriting `text` elements that get `decode` or `space` (once per frame: it wraps
 * glass-easel's attribute update for native nodes).
 */
export function installTextContent(): void {
  if (installed) return
  installed = true
  const update = glassEasel.NativeNode.prototype.updateAttribute
  glassEasel.NativeNode.prototype.updateAttribute = function (name: string, value: unknown) {
    update.call(this, name, value)
    if (this.is !== 'text' || (name !== 'decode' && name !== 'space')) return
    const element = domOf(this)
    if (!element) return
    if (name === 'decode') watch(element, { decode: isOn(value) })
    else watch(element, { space: isOn(value) ? String(value) : '' })
  }
}
