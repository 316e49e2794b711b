/**
 * `<editor>`: WeChat's rich-text editor. The host holds a contenteditable `.ql-editor` (the class
 * names of WeChat's editor, which pages style); its content lives as items
 * (`editor-document.ts`). Typing edits the DOM and is read back; the EditorContext
 * (`SelectorQuery.select('#e').context()`, `editorContextOf`) edits the items and redraws them,
 * so HTML from setContents never reaches the page unsanitized. Undo/redo keep their own history
 * (the context's and the keyboard's alike). A tap on a picture shows the size, toolbar and resize
 * handle that `show-img-*` ask for.
 */
import type * as glassEasel from 'glass-easel'
import { optionsOf } from '../../../../../shared/runtime/async-api'
import { toCssPx } from '../frame-zoom'
import { defineBuiltin, type Data } from './define'
import {
  clearFormats,
  formatRange,
  formatsAt,
  fromDelta,
  isBlank,
  isBlockFormat,
  isKnownFormat,
  itemsOfHtml,
  itemsOfText,
  lineFormatsAt,
  pointAt,
  readDocument,
  renderDocument,
  replaceRange,
  safeImageSource,
  textIn,
  textOf,
  toDelta,
  type Attributes,
  type FormatValue,
  type Item,
} from './editor-document'
import { resolveImageSource, type LocalFileReader } from './image'

/** WeChat's EditorContext. Every method but `format` takes `success`/`fail`/`complete`. */
export interface EditorContext {
  format(name: string, value?: unknown): void
  insertDivider(options?: unknown): void
  insertImage(options?: unknown): void
  insertText(options?: unknown): void
  setContents(options?: unknown): void
  getContents(options?: unknown): void
  getSelectionText(options?: unknown): void
  clear(options?: unknown): void
  removeFormat(options?: unknown): void
  undo(options?: unknown): void
  redo(options?: unknown): void
  scrollIntoView(options?: unknown): void
  blur(options?: unknown): void
}

const contexts = new WeakMap<glassEasel.GeneralComponent, EditorContext>()

/** The EditorContext of an `<editor>` component, or `undefined` for another component. */
export function editorContextOf(component: glassEasel.GeneralComponent): EditorContext | undefined {
  return contexts.get(component)
}

/** Answers a context call as WeChat does: after the call returns, `success`/`fail`, then `complete`. */
function answer(api: string, options: unknown, result: Data = {}, failure?: string): void {
  const opts = optionsOf(options)
  const payload = failure
    ? { errMsg: `${api}:fail ${failure}` }
    : { ...result, errMsg: `${api}:ok` }
  setTimeout(() => {
    const callback = failure ? opts.fail : opts.success
    if (typeof callback === 'function') callback(payload)
    if (typeof opts.complete === 'function') opts.complete(payload)
  }, 0)
}

/** Typing pauses shorter than this join one undo step (Quill's default). */
const HISTORY_DELAY_MS = 1000
const HISTORY_LIMIT = 100
/** A change this soon after the area lost focus to a tap elsewhere gives it back its caret. */
const REFOCUS_MS = 800
/** CSS px above a picture that its toolbar needs. */
const TOOLBAR_ROOM = 34

interface Snapshot {
  items: Item[]
  index: number
}

/** `format(name, value)`'s value as the items keep it: header 2 for `'H2'`, `true` for flags. */
function formatValue(name: string, value: unknown): FormatValue | undefined {
  if (name === 'header') {
    const level = Number(String(value ?? '').replace(/^h/i, ''))
    return level >= 1 && level <= 6 ? level : undefined
  }
  if (value === undefined || value === null || value === '' || value === true) return true
  return typeof value === 'number' ? value : String(value)
}

interface EditorOptions {
  assets: Record<string, string>
  readLocalFile?: LocalFileReader
}

function createEditor(
  component: glassEasel.GeneralComponent,
  host: HTMLElement,
  emit: (name: string, detail: Data) => void,
  options: EditorOptions,
) {
  const doc = host.ownerDocument
  const inert = doc.implementation.createHTMLDocument('')
  const area = doc.createElement('div')
  area.className = 'ql-editor'
  area.setAttribute('role', 'textbox')
  area.setAttribute('aria-multiline', 'true')
  host.appendChild(area)

  let items: Item[] = [{ insert: '\n', attributes: {} }]
  let saved: { index: number; length: number } | undefined
  /** Formats chosen with a caret and no selection: what the next typed text gets. */
  let pending: Record<string, FormatValue | undefined> = {}
  let status = '{}'
  let readOnly = false
  const undoStack: Snapshot[] = [{ items, index: 0 }]
  const redoStack: Snapshot[] = []
  let lastTyping = 0
  const blobUrls = new Map<string, string>()

  const owner = () => component.ownerShadowRoot?.getHostNode().is ?? ''
  const showImage = (img: HTMLImageElement, src: string) => {
    if (src.startsWith('wxfile://')) {
      const known = blobUrls.get(src)
      if (known) img.src = known
      else
        options.readLocalFile?.(src, (data) => {
          if (!data) return
          const url = blobUrls.get(src) ?? URL.createObjectURL(new Blob([data.slice()]))
          blobUrls.set(src, url)
          // The reader may answer at once, before this picture is in the area.
          img.src = url
          for (const shown of area.querySelectorAll('img')) {
            if (shown.getAttribute('wx-src') === src) shown.src = url
          }
        })
      return
    }
    const url = resolveImageSource(src, owner(), options.assets)
    if (url) img.src = url
  }

  const contents = () => {
    const container = inert.createElement('div')
    container.appendChild(
      renderDocument(inert, items, {
        keepSource: false,
        showImage: (img, src) => img.setAttribute('src', src),
      }),
    )
    return { html: container.innerHTML, text: textOf(items), delta: toDelta(items) }
  }

  const selectionInArea = (): Range | undefined => {
    const selection = doc.getSelection()
    if (!selection || selection.rangeCount === 0) return undefined
    const range = selection.getRangeAt(0)
    return area.contains(range.startContainer) && area.contains(range.endContainer)
      ? range
      : undefined
  }

  /** The selection as indexes: the live one, else the last one, else the end of the content. */
  const selection = (): { index: number; length: number } => {
    const range = selectionInArea()
    if (range) {
      const { indexes } = readDocument(area, [
        { node: range.startContainer, offset: range.startOffset },
        { node: range.endContainer, offset: range.endOffset },
      ])
      if (indexes[0] >= 0 && indexes[1] >= indexes[0]) {
        saved = { index: indexes[0], length: indexes[1] - indexes[0] }
      }
    }
    const end = items.length - 1
    if (!saved || saved.index > end) return { index: end, length: 0 }
    return { index: saved.index, length: Math.min(saved.length, end - saved.index) }
  }

  /** When the area lost focus (a tap on the page's toolbar), unless the context's blur() did it. */
  let blurredAt = 0
  let refocusing = false
  const place = (index: number, length = 0) => {
    saved = { index, length }
    // WeChat keeps the keyboard up while a toolbar formats the text: so does the area here.
    if (!readOnly && doc.activeElement !== area && Date.now() - blurredAt < REFOCUS_MS) {
      refocusing = true
      area.focus({ preventScroll: true })
      refocusing = false
    }
    const live = doc.getSelection()
    if (readOnly || doc.activeElement !== area) {
      // A range left in redrawn DOM would collapse to the start and be read as the caret.
      if (selectionInArea()) live?.removeAllRanges()
      return
    }
    const start = pointAt(area, index)
    const end = length ? pointAt(area, index + length) : start
    const range = doc.createRange()
    range.setStart(start.node, start.offset)
    range.setEnd(end.node, end.offset)
    live?.removeAllRanges()
    live?.addRange(range)
  }

  const draw = (next: Item[]) => {
    items = next
    area.replaceChildren(renderDocument(doc, items, { keepSource: true, showImage }))
    area.classList.toggle('ql-blank', isBlank(items))
    hideImageTools()
  }

  const emitStatus = () => {
    const { index, length } = selection()
    const formats: Attributes = { ...formatsAt(items, index, length) }
    for (const [name, value] of Object.entries(pending)) {
      if (value === undefined) delete formats[name]
      else formats[name] = value
    }
    const next = JSON.stringify(formats)
    if (next === status) return
    status = next
    emit('statuschange', formats)
  }

  const record = (typing: boolean) => {
    const now = Date.now()
    const snapshot = { items, index: saved?.index ?? items.length - 1 }
    if (typing && now - lastTyping < HISTORY_DELAY_MS && undoStack.length > 1) {
      undoStack[undoStack.length - 1] = snapshot
    } else {
      undoStack.push(snapshot)
      if (undoStack.length > HISTORY_LIMIT) undoStack.shift()
    }
    lastTyping = typing ? now : 0
    redoStack.length = 0
  }

  /** A change made through the context: redraw, keep the caret, remember, tell the page. */
  const change = (next: Item[], caret: number, length = 0, input = true) => {
    draw(next)
    place(caret, length)
    record(false)
    if (input) emit('input', contents())
    emitStatus()
  }

  const restore = (snapshot: Snapshot) => {
    draw(snapshot.items)
    place(Math.min(snapshot.index, items.length - 1))
    emit('input', contents())
    emitStatus()
  }

  const insertAtSelection = (inserted: Item[]) => {
    const { index, length } = selection()
    change(replaceRange(items, index, length, inserted), index + inserted.length)
  }

  const typeText = (text: string) => {
    const { index } = selection()
    const attributes: Attributes = {}
    for (const [name, value] of Object.entries({ ...formatsAt(items, index, 0), ...pending })) {
      if (value !== undefined && !isBlockFormat(name)) attributes[name] = value
    }
    pending = {}
    insertAtSelection(itemsOfText(text, attributes, lineFormatsAt(items, index)))
  }

  // ----- image tools (show-img-size / show-img-toolbar / show-img-resize)
  let imageTools = { size: false, toolbar: false, resize: false }
  const tools = doc.createElement('div')
  tools.className = 'wx-editor-img-tools'
  tools.hidden = true
  tools.contentEditable = 'false'
  host.appendChild(tools)
  let chosen: HTMLImageElement | null = null

  function hideImageTools() {
    chosen = null
    tools.hidden = true
    tools.replaceChildren()
  }

  const imageIndex = (img: HTMLImageElement): number => {
    const parent = img.parentNode as Node
    const offset = Array.from(parent.childNodes).indexOf(img)
    return readDocument(area, [{ node: parent, offset }]).indexes[0]
  }

  const placeTools = (img: HTMLImageElement) => {
    const imageRect = img.getBoundingClientRect()
    const hostRect = host.getBoundingClientRect()
    Object.assign(tools.style, {
      left: `${toCssPx(imageRect.left - hostRect.left) + host.scrollLeft - host.clientLeft}px`,
      top: `${toCssPx(imageRect.top - hostRect.top) + host.scrollTop - host.clientTop}px`,
      width: `${img.offsetWidth}px`,
      height: `${img.offsetHeight}px`,
    })
    // The toolbar goes above the picture, or below it when the picture is at the top of the editor.
    tools.toggleAttribute('wx-below', toCssPx(imageRect.top - hostRect.top) < TOOLBAR_ROOM)
    const size = tools.querySelector('.wx-editor-img-size')
    if (size) size.textContent = `${img.offsetWidth}×${img.offsetHeight}`
  }

  const showImageTools = (img: HTMLImageElement) => {
    hideImageTools()
    if (readOnly || !(imageTools.size || imageTools.toolbar || imageTools.resize)) return
    chosen = img
    tools.hidden = false
    if (imageTools.size)
      tools.appendChild(doc.createElement('span')).className = 'wx-editor-img-size'
    if (imageTools.toolbar) {
      const bar = tools.appendChild(doc.createElement('span'))
      bar.className = 'wx-editor-img-toolbar'
      const actions: [string, string][] = [
        ['left', '居左'],
        ['center', '居中'],
        ['right', '居右'],
        ['delete', '删除'],
      ]
      for (const [action, label] of actions) {
        const button = bar.appendChild(doc.createElement('button'))
        button.type = 'button'
        button.textContent = label
        button.setAttribute('data-action', action)
      }
    }
    if (imageTools.resize)
      tools.appendChild(doc.createElement('span')).className = 'wx-editor-img-resize'
    placeTools(img)
  }

  tools.addEventListener('click', (event) => {
    const action = (event.target as Element).closest?.('[data-action]')?.getAttribute('data-action')
    const img = chosen
    if (!action || !img) return
    const index = imageIndex(img)
    if (index < 0) return
    if (action === 'delete') change(replaceRange(items, index, 1, []), index)
    else
      change(
        formatRange(items, index, 1, 'align', action === 'left' ? undefined : action),
        index + 1,
      )
  })

  tools.addEventListener('pointerdown', (event) => {
    const img = chosen
    if (!img || !(event.target as Element).classList.contains('wx-editor-img-resize')) return
    event.preventDefault()
    const startX = event.clientX
    const startWidth = img.offsetWidth
    const move = (moved: PointerEvent) => {
      img.style.width = `${Math.max(16, Math.round(startWidth + toCssPx(moved.clientX - startX)))}px`
      img.style.height = 'auto'
      placeTools(img)
    }
    const up = () => {
      doc.removeEventListener('pointermove', move)
      doc.removeEventListener('pointerup', up)
      const index = imageIndex(img)
      if (index < 0) return
      const width = `${img.offsetWidth}px`
      const next = formatRange(
        formatRange(items, index, 1, 'width', width),
        index,
        1,
        'height',
        undefined,
      )
      change(next, index + 1)
    }
    doc.addEventListener('pointermove', move)
    doc.addEventListener('pointerup', up)
  })

  // ----- check lists: a tap on a line's box ticks it or clears it, as WeChat's editor does
  const tick = (event: Event) => {
    const line = event.target as Element
    const list = line.parentElement
    if (readOnly || line.tagName !== 'LI' || !list?.hasAttribute('data-checked')) return
    // Only the box takes taps on the line itself (its text lets them through: base-css.ts).
    event.preventDefault()
    const index = readDocument(area, [{ node: line, offset: 0 }]).indexes[0]
    if (index < 0) return
    const ticked = list.getAttribute('data-checked') === 'true'
    change(formatRange(items, index, 0, 'list', ticked ? 'unchecked' : 'checked'), index)
  }
  area.addEventListener('mousedown', tick)
  area.addEventListener('touchstart', tick)

  // ----- typing
  area.addEventListener('click', (event) => {
    const target = event.target as Element
    if (target.tagName === 'IMG') showImageTools(target as HTMLImageElement)
    else hideImageTools()
  })
  area.addEventListener('beforeinput', (event) => {
    if (event.inputType === 'historyUndo' || event.inputType === 'historyRedo') {
      event.preventDefault()
      if (event.inputType === 'historyUndo') context.undo()
      else context.redo()
    } else if (event.inputType === 'insertText' && Object.keys(pending).length && event.data) {
      event.preventDefault()
      typeText(event.data)
    }
  })
  area.addEventListener('paste', (event) => {
    // Pasted HTML could carry handlers that run once inserted: only its text comes in.
    event.preventDefault()
    const text = event.clipboardData?.getData('text/plain') ?? ''
    if (text && !readOnly) typeText(text)
  })
  area.addEventListener('drop', (event) => event.preventDefault())
  area.addEventListener('input', (event) => {
    // The browser's own input event would reach `bindinput` too, without WeChat's detail.
    event.stopPropagation()
    if ((event as InputEvent).isComposing) return
    const range = selectionInArea()
    const points = range ? [{ node: range.startContainer, offset: range.startOffset }] : []
    const read = readDocument(area, points)
    items = read.items
    if (read.indexes[0] >= 0) saved = { index: read.indexes[0], length: 0 }
    area.classList.toggle('ql-blank', isBlank(items))
    hideImageTools()
    record(true)
    emit('input', contents())
    emitStatus()
  })
  area.addEventListener('focus', () => {
    if (!refocusing) emit('focus', contents())
  })
  area.addEventListener('blur', () => {
    if (!blurring) blurredAt = Date.now()
    emit('blur', contents())
  })
  let blurring = false
  const onSelection = () => {
    if (!selectionInArea()) return
    const before = saved
    selection()
    if (before?.index !== saved?.index) pending = {}
    emitStatus()
  }

  const context: EditorContext = {
    format(name, value) {
      const key = String(name)
      if (!isKnownFormat(key) || readOnly) return
      const { index, length } = selection()
      const current = formatsAt(items, index, length)
      let next: FormatValue | undefined
      if (key === 'indent') {
        const step = String(value) === '-1' ? -1 : 1
        const level = Math.min(8, Math.max(0, Number(current.indent ?? 0) + step))
        next = level || undefined
      } else if (key === 'list' && String(value) === 'check') {
        // A check list starts unticked; asked again on a check-list line, the list goes.
        next = current.list === 'checked' || current.list === 'unchecked' ? undefined : 'unchecked'
      } else {
        next = formatValue(key, value)
        if (next !== undefined && current[key] === next) next = undefined
      }
      if (!isBlockFormat(key) && length === 0) {
        pending[key] = next
        emitStatus()
        return
      }
      change(formatRange(items, index, length, key, next), index, length)
    },
    insertDivider(options) {
      const { index } = selection()
      const atLineStart = index === 0 || items[index - 1]?.insert === '\n'
      insertAtSelection([
        ...(atLineStart ? [] : [{ insert: '\n', attributes: lineFormatsAt(items, index) }]),
        { insert: { divider: true }, attributes: {} },
        { insert: '\n', attributes: {} },
      ])
      answer('insertDivider', options)
    },
    insertImage(options) {
      const opts = optionsOf(options)
      const src = opts.src
      if (!safeImageSource(src)) {
        answer('insertImage', options, {}, 'src is invalid')
        return
      }
      const attributes: Attributes = {}
      for (const name of ['width', 'height', 'alt'] as const) {
        if (typeof opts[name] === 'string' || typeof opts[name] === 'number')
          attributes[name] = String(opts[name])
      }
      if (typeof opts.extClass === 'string') attributes.class = opts.extClass
      if (opts.data && typeof opts.data === 'object') {
        attributes['data-custom'] = Object.entries(opts.data as Data)
          .map(([key, value]) => `${key}=${String(value)}`)
          .join('&')
      }
      if (src.startsWith('wxfile://')) attributes['data-local'] = src
      const { index } = selection()
      const image: Item[] = [{ insert: { image: src }, attributes }]
      if (opts.nowrap !== true)
        image.push({ insert: '\n', attributes: lineFormatsAt(items, index) })
      insertAtSelection(image)
      answer('insertImage', options)
    },
    insertText(options) {
      const text = optionsOf(options).text
      if (typeof text === 'string' && text && !readOnly) typeText(text)
      answer('insertText', options)
    },
    setContents(options) {
      const opts = optionsOf(options)
      const next = opts.delta
        ? fromDelta(opts.delta)
        : itemsOfHtml(typeof opts.html === 'string' ? opts.html : '', inert)
      pending = {}
      change(next, next.length - 1, 0, false)
      answer('setContents', options)
    },
    getContents(options) {
      answer('getContents', options, contents())
    },
    getSelectionText(options) {
      const { index, length } = selection()
      answer('getSelectionText', options, { text: textIn(items, index, length) })
    },
    clear(options) {
      pending = {}
      change([{ insert: '\n', attributes: {} }], 0)
      answer('clear', options)
    },
    removeFormat(options) {
      const { index, length } = selection()
      pending = {}
      change(clearFormats(items, index, length), index, length)
      answer('removeFormat', options)
    },
    undo(options) {
      if (undoStack.length > 1) {
        redoStack.push(undoStack.pop() as Snapshot)
        restore(undoStack[undoStack.length - 1])
      }
      lastTyping = 0
      answer('undo', options)
    },
    redo(options) {
      const snapshot = redoStack.pop()
      if (snapshot) {
        undoStack.push(snapshot)
        restore(snapshot)
      }
      answer('redo', options)
    },
    scrollIntoView(options) {
      const range = selectionInArea()
      const node = range?.startContainer ?? area.lastChild
      const element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement)
      element?.scrollIntoView?.({ block: 'nearest' })
      answer('scrollIntoView', options)
    },
    blur(options) {
      blurring = true
      area.blur()
      blurring = false
      blurredAt = 0
      answer('blur', options)
    },
  }
  draw(items)
  return {
    context,
    onSelection,
    update(data: Data) {
      readOnly = Boolean(data.readOnly)
      area.contentEditable = readOnly ? 'false' : 'true'
      area.setAttribute('aria-readonly', String(readOnly))
      area.setAttribute('data-placeholder', String(data.placeholder ?? ''))
      area.setAttribute('aria-placeholder', String(data.placeholder ?? ''))
      imageTools = {
        size: Boolean(data.showImgSize),
        toolbar: Boolean(data.showImgToolbar),
        resize: Boolean(data.showImgResize),
      }
      if (readOnly) hideImageTools()
    },
  }
}

export function defineEditor(
  space: glassEasel.ComponentSpace,
  assets: Record<string, string>,
  readLocalFile?: LocalFileReader,
): void {
  defineBuiltin(space, 'editor', {
    properties: {
      readOnly: { type: Boolean, value: false },
      placeholder: { type: String, value: '' },
      showImgSize: { type: Boolean, value: false },
      showImgToolbar: { type: Boolean, value: false },
      showImgResize: { type: Boolean, value: false },
    },
    render({ component, host, emit, onAttach, onDetach }) {
      const editor = createEditor(component, host, emit, { assets, readLocalFile })
      contexts.set(component, editor.context)
      const doc = host.ownerDocument
      let attached = false
      onAttach(() => {
        attached = true
        doc.addEventListener('selectionchange', editor.onSelection)
        // WeChat's editor is ready after it is laid out, not while the page is still attaching.
        setTimeout(() => {
          if (attached) emit('ready', {})
        }, 0)
      })
      onDetach(() => {
        attached = false
        doc.removeEventListener('selectionchange', editor.onSelection)
      })
      return (d: Data) => editor.update(d)
    },
  })
}
