/**
 * The controls a `<form>` collects: each built-in field registers how to read and reset its value,
 * and the form walks its subtree for them, as WeChat's form does on submit and reset. Custom
 * components take part through WeChat's built-in behaviors: `wx://form-field` ones are fields
 * (`name`, `value`), and the form looks inside only those with `wx://form-field-group`.
 */
import type * as glassEasel from 'glass-easel'
import {
  FORM_FIELD,
  FORM_FIELD_GROUP,
  hasBuiltinBehavior,
  initialFormFieldValue,
} from '../../../../../shared/runtime/builtin-behaviors'
import { descendants } from './define'

export interface FormField {
  /** The `name` attribute; unnamed fields are not submitted. */
  name(): string
  value(): unknown
  reset(): void
}

const fields = new WeakMap<glassEasel.GeneralComponent, FormField>()

/** A custom component with `wx://form-field`: its `name` and `value` properties. */
function customField(component: glassEasel.GeneralComponent): FormField {
  const data = component.data as Record<string, unknown>
  return {
    name: () => String(data.name ?? ''),
    value: () => data.value,
    reset: () => component.setData({ value: initialFormFieldValue(component) }),
  }
}

function fieldOf(element: glassEasel.Element): FormField | undefined {
  const component = element as glassEasel.GeneralComponent
  const builtin = fields.get(component)
  if (builtin) return builtin
  if (typeof component.hasBehavior === 'function' && hasBuiltinBehavior(component, FORM_FIELD))
    return customField(component)
  return undefined
}

const formFieldsOf = (form: glassEasel.Element) =>
  descendants(form, (component) => hasBuiltinBehavior(component, FORM_FIELD_GROUP))

export function registerFormField(component: glassEasel.GeneralComponent, field: FormField): void {
  fields.set(component, field)
}

/** `{ name: value }` of every named field under `form`. */
export function collectFormValues(form: glassEasel.Element): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const element of formFieldsOf(form)) {
    const field = fieldOf(element)
    if (field && field.name()) values[field.name()] = field.value()
  }
  return values
}

export function resetFormFields(form: glassEasel.Element): void {
  for (const element of formFieldsOf(form)) fieldOf(element)?.reset()
}
