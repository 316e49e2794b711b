/**
 * `<label>`: a tap on it (outside any control) works the control named by `for`, or else the first
 * button, checkbox, radio, switch or input inside it, as in WeChat. The host is a real HTML label;
 * the browser's own label activation is cancelled so a control is never worked twice.
 */
import * as glassEasel from 'glass-easel'
import { defineBuiltin, descendants, domOf, isBuiltin } from './define'
import { activate } from './activation'

const CONTROLS = ['button', 'checkbox', 'radio', 'switch', 'input', 'textarea']

function isControl(element: glassEasel.Element): boolean {
  return CONTROLS.some((tag) => isBuiltin(element, tag))
}

/** Whether `element` is, or is inside, a control below `label`. */
function withinControl(element: glassEasel.Element, label: glassEasel.Element): boolean {
  let current: glassEasel.Element | null = element
  for (let hops = 0; current && current !== label && hops < 10_000; hops += 1) {
    if (isControl(current)) return true
    current = current.parentNode
  }
  return false
}

export function defineLabel(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'label', {
    properties: { for: { type: String, value: '' } },
    render({ component, host, data, appendSlot }) {
      appendSlot()
      host.addEventListener('click', (event) => {
        const target = event.target as Element | null
        if (!target?.closest('input, textarea, button')) event.preventDefault()
      })
      component.addListener('tap', (event) => {
        if (withinControl(event.target as glassEasel.Element, component)) return
        const id = String(data().for)
        const control = id
          ? component.ownerShadowRoot?.getElementById(id)
          : [...descendants(component)].find(isControl)
        if (!control) return
        if (isBuiltin(control, 'button')) {
          glassEasel.Event.triggerEvent(control, 'tap', {}, { bubbles: true, composed: true })
        } else if (isBuiltin(control, 'input') || isBuiltin(control, 'textarea')) {
          domOf(control).focus()
        } else {
          activate(control)
        }
      })
      return () => {}
    },
  })
}
