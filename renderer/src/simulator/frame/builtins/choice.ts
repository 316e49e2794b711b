/**
 * Choice controls: `<switch>` (`bindchange` `{ value: boolean }`), `<checkbox>` inside
 * `<checkbox-group>` (`{ value: string[] }`) and `<radio>` inside `<radio-group>` (`{ value }`).
 * Each control is its own ARIA widget (role switch/checkbox/radio with aria-checked), toggled by a
 * tap or by Space/Enter; a disabled one ignores both.
 */
import type * as glassEasel from 'glass-easel'
import {
  closest,
  defineBuiltin,
  descendants,
  domOf,
  isBuiltin,
  toggleAttribute,
  type BuiltinContext,
  type Data,
} from './define'
import { registerActivation } from './activation'
import { registerFormField } from './form-fields'

/** Runs `activate` on a tap, on Space/Enter or from a `<label>`, unless `disabled()`. */
function onActivate(context: BuiltinContext, disabled: () => boolean, activate: () => void) {
  const activation = () => {
    if (!disabled()) activate()
  }
  registerActivation(context.component, activation)
  context.component.addListener('tap', activation)
  context.host.addEventListener('keydown', (event) => {
    if (event.key !== ' ' && event.key !== 'Enter') return
    event.preventDefault()
    activation()
  })
}

function markChecked(host: HTMLElement, role: string, checked: boolean, disabled: boolean) {
  host.setAttribute('role', role)
  host.setAttribute('aria-checked', String(checked))
  toggleAttribute(host, 'aria-disabled', disabled, 'true')
  host.tabIndex = disabled ? -1 : 0
  toggleAttribute(host, 'checked', checked)
  toggleAttribute(host, 'disabled', disabled)
}

export function defineChoices(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'switch', {
    properties: {
      checked: { type: Boolean, value: false },
      disabled: { type: Boolean, value: false },
      type: { type: String, value: 'switch' },
      color: { type: String, value: '#04BE02' },
      name: { type: String, value: '' },
    },
    render(context) {
      const { component, host, data, emit, set } = context
      const mark = context.appendElement('wx-switch-input', 'wx-switch-input')
      const markDom = domOf(mark)
      let initial = false
      registerFormField(component, {
        name: () => String(data().name),
        value: () => Boolean(data().checked),
        reset: () => set({ checked: initial }),
      })
      onActivate(
        context,
        () => Boolean(data().disabled),
        () => {
          const checked = !data().checked
          set({ checked })
          emit('change', { value: checked })
        },
      )
      context.onAttach(() => {
        initial = Boolean(data().checked)
      })
      return (d: Data) => {
        const checkbox = d.type === 'checkbox'
        markChecked(host, checkbox ? 'checkbox' : 'switch', Boolean(d.checked), Boolean(d.disabled))
        host.setAttribute('wx-type', checkbox ? 'checkbox' : 'switch')
        markDom.className = checkbox ? 'wx-checkbox-input' : 'wx-switch-input'
        markDom.style.setProperty('--wx-choice-color', String(d.color))
      }
    },
  })

  defineCheckable(space, 'checkbox', 'checkbox-group')
  defineCheckable(space, 'radio', 'radio-group')

  defineBuiltin(space, 'checkbox-group', {
    properties: { name: { type: String, value: '' } },
    render(context) {
      const { component, data, appendSlot } = context
      appendSlot()
      const members = () => [...descendants(component)].filter((e) => isBuiltin(e, 'checkbox'))
      const value = () =>
        members()
          .filter((member) => (member as glassEasel.GeneralComponent).data.checked)
          .map((member) => String((member as glassEasel.GeneralComponent).data.value))
      groups.set(component, { changed: () => context.emit('change', { value: value() }) })
      registerFormField(component, {
        name: () => String(data().name),
        value,
        reset: () => resetMembers(members()),
      })
      return () => {}
    },
  })

  defineBuiltin(space, 'radio-group', {
    properties: { name: { type: String, value: '' } },
    render(context) {
      const { component, data, appendSlot } = context
      appendSlot()
      context.host.setAttribute('role', 'radiogroup')
      const members = () => [...descendants(component)].filter((e) => isBuiltin(e, 'radio'))
      const value = () => {
        const checked = members().find((m) => (m as glassEasel.GeneralComponent).data.checked)
        return checked ? String((checked as glassEasel.GeneralComponent).data.value) : ''
      }
      groups.set(component, {
        changed: (source) => {
          for (const member of members()) {
            if (member !== source)
              (member as glassEasel.GeneralComponent).setData({ checked: false })
          }
          context.emit('change', { value: value() })
        },
      })
      registerFormField(component, {
        name: () => String(data().name),
        value,
        reset: () => resetMembers(members()),
      })
      return () => {}
    },
  })
}

interface Group {
  /** A member was checked or unchecked by the user. */
  changed(source: glassEasel.Element): void
}

const groups = new WeakMap<glassEasel.Element, Group>()
const initialChecked = new WeakMap<glassEasel.Element, boolean>()

function resetMembers(members: glassEasel.Element[]) {
  for (const member of members) {
    ;(member as glassEasel.GeneralComponent).setData({
      checked: initialChecked.get(member) ?? false,
    })
  }
}

/** `<checkbox>` toggles; `<radio>` only turns on (its group turns the others off). */
function defineCheckable(
  space: glassEasel.ComponentSpace,
  tag: 'checkbox' | 'radio',
  group: string,
) {
  defineBuiltin(space, tag, {
    properties: {
      value: { type: String, value: '' },
      checked: { type: Boolean, value: false },
      disabled: { type: Boolean, value: false },
      color: { type: String, value: '#09BB07' },
    },
    render(context) {
      const { component, host, data, set } = context
      const mark = context.appendElement(`wx-${tag}-input`, `wx-${tag}-input`)
      const markDom = domOf(mark)
      context.appendSlot()
      onActivate(
        context,
        () => Boolean(data().disabled),
        () => {
          if (tag === 'radio' && data().checked) return
          set({ checked: !data().checked })
          const owner = closest(component, (element) => isBuiltin(element, group))
          if (owner) groups.get(owner)?.changed(component)
        },
      )
      context.onAttach(() => initialChecked.set(component, Boolean(data().checked)))
      return (d: Data) => {
        markChecked(host, tag, Boolean(d.checked), Boolean(d.disabled))
        markDom.style.setProperty('--wx-choice-color', String(d.color))
      }
    },
  })
}
