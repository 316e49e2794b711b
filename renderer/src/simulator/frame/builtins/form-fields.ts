/**
 * The controls a `<form>` collects: each built-in field registers how to read and reset its value,
 * and the form walks its subtree for them, as WeChat's form does on submit and reset.
 */
import type * as glassEasel from 'glass-easel'
import { descendants } from './define'

export interface FormField {
  /** The `name` attribute; unnamed fields are not submitted. */
  name(): string
  value(): unknown
  reset(): void
}

const fields = new WeakMap<glassEasel.GeneralComponent, FormField>()

export function registerFormField(component: glassEasel.GeneralComponent, field: FormField): void {
  fields.set(component, field)
}

/** `{ name: value }` of every named field under `form`. */
export function collectFormValues(form: glassEasel.Element): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const element of descendants(form)) {
    const field = fields.get(element as glassEasel.GeneralComponent)
    if (field && field.name()) values[field.name()] = field.value()
  }
  return values
}

export function resetFormFields(form: glassEasel.Element): void {
  for (const element of descendants(form))
    fields.get(element as glassEasel.GeneralComponent)?.reset()
}
