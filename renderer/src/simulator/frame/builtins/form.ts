/**
 * `<form>`: `bindsubmit` with `detail.value` collected from every named field inside it, and
 * `bindreset` after every field is back to its initial value. The host is a real HTML form, so the
 * browser's own submission (Enter in an input) is cancelled.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin } from './define'
import { collectFormValues, resetFormFields } from './form-fields'

export function defineForm(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'form', {
    properties: {
      reportSubmit: { type: Boolean, value: false },
      reportSubmitTimeout: { type: Number, value: 0 },
    },
    render({ host, appendSlot }) {
      host.addEventListener('submit', (event) => event.preventDefault())
      appendSlot()
      return () => {}
    },
  })
}

export function submitForm(form: glassEasel.GeneralComponent): void {
  const value = collectFormValues(form)
  const detail: Record<string, unknown> = { value }
  if (form.data.reportSubmit) detail.formId = 'the formId is a mock one'
  form.triggerEvent('submit', detail)
}

export function resetForm(form: glassEasel.GeneralComponent): void {
  resetFormFields(form)
  form.triggerEvent('reset', {})
}
