/**
 * `<input>` and `<textarea>`: the host is the real HTML control. `bindinput` gets
 * `{ value, cursor, keyCode }` and what it returns replaces the value (a string, or
 * `{ value, cursor }`), as in WeChat; the component's `value` follows the typing so
 * `model:value` reaches the page. `bindfocus`, `bindblur` and `bindconfirm` carry `detail.value`.
 * `placeholder-style` styles the placeholder; a textarea with `auto-height` grows with its text.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, toggleAttribute, type BuiltinContext, type Data } from './define'
import { registerFormField } from './form-fields'

type Control = HTMLInputElement | HTMLTextAreaElement

/** What WeChat's keyboards for `type` let through. */
export function filterInput(type: string, value: string): string {
  if (type === 'number') return value.replace(/\D/g, '')
  if (type === 'digit') return value.replace(/[^\d.]/g, '').replace(/(\..*)\./g, '$1')
  if (type === 'idcard') return value.replace(/[^\dXx]/g, '')
  return value
}

/** `maxlength` as WeChat reads it: -1 (or any negative) is unlimited. */
function limit(value: string, maxlength: number): string {
  return maxlength >= 0 ? value.slice(0, maxlength) : value
}

const COMMON_PROPERTIES = {
  value: { type: String, value: '' },
  name: { type: String, value: '' },
  placeholder: { type: String, value: '' },
  placeholderStyle: { type: String, value: '' },
  /** Not applied: a class cannot reach the `::placeholder` of the control (placeholder-style can). */
  placeholderClass: { type: String, value: 'input-placeholder' },
  disabled: { type: Boolean, value: false },
  maxlength: { type: Number, value: 140 },
  focus: { type: Boolean, value: false },
  autoFocus: { type: Boolean, value: false },
  confirmType: { type: String, value: 'done' },
  // Keyboard settings: the simulator has no soft keyboard (as WeChat's), so the page is never
  // lifted, the height stays 0 and `bindkeyboardheightchange` never fires (shared/runtime/keyboard.ts).
  adjustPosition: { type: Boolean, value: true },
  holdKeyboard: { type: Boolean, value: false },
  cursorSpacing: { type: null, value: 0 },
  confirmHold: { type: Boolean, value: false },
}

export function defineTextFields(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'input', {
    properties: {
      ...COMMON_PROPERTIES,
      type: { type: String, value: 'text' },
      password: { type: Boolean, value: false },
    },
    render: (context) => renderControl(context, 'input'),
  })
  defineBuiltin(space, 'textarea', {
    properties: {
      ...COMMON_PROPERTIES,
      autoHeight: { type: Boolean, value: false },
    },
    render: (context) => renderControl(context, 'textarea'),
  })
}

/**
 * `placeholder-style` of every control in one style sheet: `::placeholder` cannot be styled
 * inline, so each control gets a `wx-placeholder` number its rule selects.
 */
class PlaceholderStyles {
  private readonly rules = new Map<number, string>()
  private next = 1
  private sheet: HTMLStyleElement | null = null

  set(control: Control, id: number, declarations: string): void {
    // Declarations only: nothing may close the rule or the style element.
    const safe = declarations.replace(/[{}<>]/g, '')
    if (safe) this.rules.set(id, safe)
    else this.rules.delete(id)
    control.setAttribute('wx-placeholder', String(id))
    this.write(control.ownerDocument)
  }

  remove(id: number, doc: Document): void {
    if (this.rules.delete(id)) this.write(doc)
  }

  newId(): number {
    return this.next++
  }

  private write(doc: Document): void {
    if (!this.sheet || !this.sheet.isConnected) {
      this.sheet = doc.createElement('style')
      this.sheet.setAttribute('data-wx-placeholders', '')
      doc.head.appendChild(this.sheet)
    }
    this.sheet.textContent = [...this.rules]
      .map(([id, css]) => `[wx-placeholder="${id}"]::placeholder { ${css} }`)
      .join('\n')
  }
}

const placeholderStyles = new PlaceholderStyles()

/** Grows a textarea with `auto-height` to its content. */
function fitHeight(control: Control): void {
  control.style.height = 'auto'
  // Not laid out yet (rendered before it is on the page, or hidden): its rows for now, fitted
  // when it is attached.
  if (control.scrollHeight > 0) control.style.height = `${control.scrollHeight}px`
  else control.ownerDocument.defaultView?.requestAnimationFrame(() => fitOnce(control))
}

function fitOnce(control: Control): void {
  if (control.scrollHeight === 0) return
  control.style.height = 'auto'
  control.style.height = `${control.scrollHeight}px`
}

function renderControl(context: BuiltinContext, kind: 'input' | 'textarea') {
  const { component, data, emit, set } = context
  const control = context.host as Control
  const placeholderId = placeholderStyles.newId()
  context.onDetach(() => placeholderStyles.remove(placeholderId, control.ownerDocument))
  const initial = { value: '' }
  let keyCode: number | undefined
  let focusWanted = false

  registerFormField(component, {
    name: () => String(data().name),
    value: () => control.value,
    reset: () => {
      control.value = initial.value
      set({ value: initial.value })
    },
  })

  // The backend would also turn these DOM events into component events with the DOM's fields
  // as detail; WeChat's detail is built here instead.
  const own = (event: Event) => event.stopImmediatePropagation()

  control.addEventListener('keydown', (event) => {
    keyCode = (event as KeyboardEvent).keyCode
    if ((event as KeyboardEvent).key !== 'Enter') return
    if (kind === 'textarea' && data().confirmType === 'return') return
    if (kind === 'textarea' && !(event as KeyboardEvent).ctrlKey) return
    event.preventDefault()
    emit('confirm', { value: control.value })
  })
  control.addEventListener('input', (event) => {
    own(event)
    const d = data()
    if (d.disabled) {
      control.value = String(d.value)
      return
    }
    const type = kind === 'input' ? String(d.type) : 'text'
    const value = limit(filterInput(type, control.value), Number(d.maxlength))
    if (value !== control.value) control.value = value
    const detail: Data = { value, cursor: control.selectionEnd ?? value.length }
    if (kind === 'input') detail.keyCode = keyCode
    emit('input', detail, {
      onReturn: (returned) => {
        const replaced =
          typeof returned === 'string'
            ? { value: returned }
            : typeof returned === 'object' && returned !== null && 'value' in returned
              ? (returned as { value: unknown; cursor?: unknown })
              : null
        if (!replaced) return
        control.value = String(replaced.value)
        if (typeof replaced.cursor === 'number') {
          control.setSelectionRange(replaced.cursor, replaced.cursor)
        }
      },
    })
    set({ value: control.value })
    if (data().autoHeight) fitHeight(control)
  })
  control.addEventListener('focus', (event) => {
    own(event)
    emit('focus', { value: control.value, height: 0 })
  })
  control.addEventListener('blur', (event) => {
    own(event)
    emit('blur', { value: control.value, cursor: control.selectionEnd ?? 0 })
  })

  context.onAttach(() => {
    initial.value = String(data().value)
    if (data().autoHeight) fitHeight(control)
    // A control moved back into the page gets its placeholder rule again.
    if (data().placeholderStyle) {
      placeholderStyles.set(control, placeholderId, String(data().placeholderStyle))
    }
  })
  return (d: Data) => {
    if (control.value !== String(d.value)) control.value = String(d.value)
    if (control instanceof HTMLInputElement) {
      control.type = d.password ? 'password' : 'text'
      control.inputMode = d.type === 'number' ? 'numeric' : d.type === 'digit' ? 'decimal' : 'text'
      control.enterKeyHint = String(d.confirmType)
    }
    control.placeholder = String(d.placeholder)
    if (d.placeholderStyle || control.hasAttribute('wx-placeholder')) {
      placeholderStyles.set(control, placeholderId, String(d.placeholderStyle))
    }
    if (d.autoHeight) fitHeight(control)
    control.disabled = Boolean(d.disabled)
    toggleAttribute(control, 'maxlength', Number(d.maxlength) >= 0, String(d.maxlength))
    const wantFocus = Boolean(d.focus || d.autoFocus)
    if (wantFocus && !focusWanted) setTimeout(() => control.focus(), 0)
    if (!wantFocus && focusWanted) control.blur()
    focusWanted = wantFocus
  }
}
