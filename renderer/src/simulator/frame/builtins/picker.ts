/**
 * `<picker mode="selector">`: a tap opens a bottom sheet in the phone (role=dialog, its options a
 * listbox); 确定 fires `bindchange` `{ value: index }`, 取消 or the mask `bindcancel`.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin } from './define'
import { registerFormField } from './form-fields'

/** The text of one `range` item: `range-key` picks a field of object items. */
export function pickerLabel(item: unknown, rangeKey: string): string {
  if (rangeKey && typeof item === 'object' && item !== null) {
    return String((item as Record<string, unknown>)[rangeKey] ?? '')
  }
  return String(item ?? '')
}

export function definePicker(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'picker', {
    properties: {
      mode: { type: String, value: 'selector' },
      range: { type: Array, value: [] },
      rangeKey: { type: String, value: '' },
      value: { type: null, value: 0 },
      disabled: { type: Boolean, value: false },
      headerText: { type: String, value: '' },
      name: { type: String, value: '' },
    },
    render({ component, host, data, emit, set, appendSlot, onAttach, onDetach }) {
      appendSlot()
      const doc = host.ownerDocument
      let sheet: HTMLElement | null = null
      let initial: unknown = 0

      registerFormField(component, {
        name: () => String(data().name),
        value: () => Number(data().value) || 0,
        reset: () => set({ value: initial }),
      })

      const close = () => {
        sheet?.remove()
        sheet = null
      }
      onDetach(close)

      const open = () => {
        const d = data()
        if (d.disabled || d.mode !== 'selector' || sheet) return
        const range = Array.isArray(d.range) ? d.range : []
        let selected = Math.min(Math.max(0, Number(d.value) || 0), Math.max(0, range.length - 1))

        sheet = doc.createElement('div')
        sheet.className = 'wx-picker-mask'
        const dialog = doc.createElement('div')
        dialog.className = 'wx-picker'
        dialog.setAttribute('role', 'dialog')
        dialog.setAttribute('aria-modal', 'true')
        dialog.setAttribute('aria-label', String(d.headerText) || '请选择')
        const header = doc.createElement('div')
        header.className = 'wx-picker-header'
        const cancel = doc.createElement('button')
        cancel.type = 'button'
        cancel.className = 'wx-picker-action wx-picker-cancel'
        cancel.textContent = '取消'
        const title = doc.createElement('span')
        title.className = 'wx-picker-title'
        title.textContent = String(d.headerText)
        const confirm = doc.createElement('button')
        confirm.type = 'button'
        confirm.className = 'wx-picker-action wx-picker-confirm'
        confirm.textContent = '确定'
        header.append(cancel, title, confirm)

        const list = doc.createElement('ul')
        list.className = 'wx-picker-options'
        list.setAttribute('role', 'listbox')
        const options = range.map((item, index) => {
          const option = doc.createElement('li')
          option.className = 'wx-picker-option'
          option.setAttribute('role', 'option')
          option.textContent = pickerLabel(item, String(d.rangeKey))
          option.addEventListener('click', () => choose(index))
          return option
        })
        const choose = (index: number) => {
          selected = index
          options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)))
          options[index]?.scrollIntoView?.({ block: 'nearest' })
        }
        choose(selected)
        list.append(...options)
        dialog.append(header, list)
        sheet.appendChild(dialog)

        cancel.addEventListener('click', () => {
          close()
          emit('cancel', {})
        })
        sheet.addEventListener('click', (event) => {
          if (event.target !== sheet) return
          close()
          emit('cancel', {})
        })
        confirm.addEventListener('click', () => {
          close()
          if (range.length === 0) return
          set({ value: selected })
          emit('change', { value: selected })
        })
        doc.body.appendChild(sheet)
        confirm.focus()
      }

      component.addListener('tap', open)
      onAttach(() => {
        initial = data().value
      })
      host.setAttribute('aria-haspopup', 'dialog')
      return () => {}
    },
  })
}
