/**
 * `<picker>` in the modes selector, multiSelector, time and date: a tap opens a bottom sheet in
 * the phone (role=dialog) with one listbox per column; 确定 fires `bindchange` with WeChat's
 * `detail.value` (an index, indexes, `HH:mm` or `YYYY-MM-DD`), 取消 or the mask `bindcancel`;
 * multiSelector reports each column change with `bindcolumnchange` `{ column, value }`. The
 * picker is a focusable button (Enter/Space open it); Escape in the sheet cancels.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, toggleAttribute } from './define'
import { registerFormField } from './form-fields'
import { pickerModel, type PickerModel } from './picker-columns'

function button(doc: Document, className: string, text: string): HTMLButtonElement {
  const element = doc.createElement('button')
  element.type = 'button'
  element.className = `wx-picker-action ${className}`
  element.textContent = text
  return element
}

export function definePicker(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'picker', {
    properties: {
      mode: { type: String, value: 'selector' },
      range: { type: Array, value: [] },
      rangeKey: { type: String, value: '' },
      value: { type: null, value: 0 },
      start: { type: String, value: '' },
      end: { type: String, value: '' },
      fields: { type: String, value: 'day' },
      disabled: { type: Boolean, value: false },
      headerText: { type: String, value: '' },
      name: { type: String, value: '' },
    },
    render({ component, host, data, emit, set, appendSlot, onAttach, onDetach }) {
      appendSlot()
      host.setAttribute('role', 'button')
      host.setAttribute('aria-haspopup', 'dialog')
      const doc = host.ownerDocument
      let sheet: HTMLElement | null = null
      let initial: unknown = 0

      const model = (): PickerModel | null => {
        const d = data()
        return pickerModel({
          mode: String(d.mode),
          range: Array.isArray(d.range) ? d.range : [],
          rangeKey: String(d.rangeKey),
          start: String(d.start),
          end: String(d.end),
          fields: String(d.fields),
        })
      }
      registerFormField(component, {
        name: () => String(data().name),
        value: () => {
          const current = model()
          return current ? current.valueOf(current.indexesOf(data().value)) : data().value
        },
        reset: () => set({ value: initial }),
      })
      onAttach(() => {
        initial = data().value
      })

      const close = () => {
        sheet?.remove()
        sheet = null
      }
      onDetach(close)

      const open = () => {
        const d = data()
        const current = model()
        if (d.disabled || !current || sheet) return
        const chosen = current.indexesOf(d.value)

        sheet = doc.createElement('div')
        sheet.className = 'wx-picker-mask'
        const dialog = doc.createElement('div')
        dialog.className = 'wx-picker'
        dialog.setAttribute('role', 'dialog')
        dialog.setAttribute('aria-modal', 'true')
        dialog.setAttribute('aria-label', String(d.headerText) || '请选择')
        const header = doc.createElement('div')
        header.className = 'wx-picker-header'
        const cancel = button(doc, 'wx-picker-cancel', '取消')
        const title = doc.createElement('span')
        title.className = 'wx-picker-title'
        title.textContent = String(d.headerText)
        const confirm = button(doc, 'wx-picker-confirm', '确定')
        header.append(cancel, title, confirm)
        const body = doc.createElement('div')
        body.className = 'wx-picker-columns'
        dialog.append(header, body)
        sheet.appendChild(dialog)
        // Above the home indicator, as the phone's own sheet (the page's bottom inset; the sheet
        // is on the body, outside the page that holds it).
        const inset = getComputedStyle(host).getPropertyValue('--mp-safe-area-inset-bottom').trim()
        if (inset) dialog.style.paddingBottom = inset

        const draw = () => {
          const columns = current.columns(chosen)
          body.replaceChildren(
            ...columns.map((labels, column) => {
              chosen[column] = Math.min(chosen[column] ?? 0, Math.max(0, labels.length - 1))
              const list = doc.createElement('ul')
              list.className = 'wx-picker-options'
              list.setAttribute('role', 'listbox')
              labels.forEach((label, index) => {
                const option = doc.createElement('li')
                option.className = 'wx-picker-option'
                option.setAttribute('role', 'option')
                option.setAttribute('aria-selected', String(index === chosen[column]))
                option.textContent = label
                option.addEventListener('click', () => {
                  if (chosen[column] === index) return
                  chosen[column] = index
                  draw()
                  if (data().mode === 'multiSelector') {
                    emit('columnchange', { column, value: index })
                  }
                })
                list.appendChild(option)
              })
              return list
            }),
          )
          for (const selected of body.querySelectorAll('[aria-selected=true]')) {
            ;(selected as HTMLElement).scrollIntoView?.({ block: 'nearest' })
          }
        }
        draw()

        cancel.addEventListener('click', () => {
          close()
          emit('cancel', {})
        })
        sheet.addEventListener('click', (event) => {
          if (event.target !== sheet) return
          close()
          emit('cancel', {})
        })
        sheet.addEventListener('keydown', (event) => {
          if (event.key !== 'Escape') return
          close()
          emit('cancel', {})
          host.focus()
        })
        confirm.addEventListener('click', () => {
          close()
          host.focus()
          if (current.columns(chosen).some((column) => column.length === 0)) return
          const value = current.valueOf(chosen)
          set({ value })
          emit('change', { value })
        })
        doc.body.appendChild(sheet)
        confirm.focus()
      }

      component.addListener('tap', open)
      host.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return
        event.preventDefault()
        open()
      })
      return (d) => {
        host.tabIndex = d.disabled ? -1 : 0
        toggleAttribute(host, 'aria-disabled', Boolean(d.disabled), 'true')
      }
    },
  })
}
