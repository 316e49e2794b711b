/**
 * WeChat's built-in behaviors, named by string in a definition's `behaviors`
 * (`behaviors: ['wx://form-field']`). glass-easel's adapter takes only Behavior objects there (a
 * string fails with `Cannot read properties of undefined (reading '_$chainingFilter')`), so the
 * runtime's `Page`, `Component` and `Behavior` put the code space's own behavior in the name's
 * place before the adapter sees the definition.
 *
 * - `wx://form-field`: `name` and `value` properties; a `<form>` submits `{ [name]: value }` and
 *   puts `value` back to what it was when the component was created on reset.
 * - `wx://form-field-group`: a `<form>` looks for fields inside the component's own tree.
 * - `wx://form-field-button`: a `form-type` button inside the component submits or resets the
 *   `<form>` around the component.
 * - `wx://component-export`: marks a definition whose `export()` answers `selectComponent`
 *   (the adapter runs `export` for every definition; the behavior only has to exist).
 * Another `wx://` name (`wx://proxy-scroll-view`, Skyline's) is an empty behavior, with a warning.
 */
import type * as glassEasel from 'glass-easel'
import type {
  CodeSpace,
  ComponentEnv,
  behavior as adapterBehavior,
} from 'glass-easel-miniprogram-adapter'

export const FORM_FIELD = 'wx://form-field'
export const FORM_FIELD_GROUP = 'wx://form-field-group'
export const FORM_FIELD_BUTTON = 'wx://form-field-button'
export const COMPONENT_EXPORT = 'wx://component-export'

type AdapterBehavior = adapterBehavior.GeneralBehavior
type Definition = Record<string, unknown> & { behaviors?: unknown }

/** The value each form field had when created: what reset puts back. */
const initialValues = new WeakMap<glassEasel.GeneralComponent, unknown>()

const DEFINITIONS: Record<string, Record<string, unknown>> = {
  [FORM_FIELD]: {
    properties: { name: { type: String, value: '' }, value: { type: null, value: null } },
    lifetimes: {
      created(this: { _$: glassEasel.GeneralComponent; data: Record<string, unknown> }) {
        initialValues.set(this._$, this.data.value)
      },
    },
  },
  [FORM_FIELD_GROUP]: {},
  [FORM_FIELD_BUTTON]: {},
  [COMPONENT_EXPORT]: {},
}

/** The built-in behaviors of each code space, made on first use. */
const spaces = new WeakMap<glassEasel.ComponentSpace, Map<string, AdapterBehavior>>()

function behaviorNamed(codeSpace: CodeSpace, name: string): AdapterBehavior {
  const space = codeSpace.getComponentSpace()
  let made = spaces.get(space)
  if (!made) spaces.set(space, (made = new Map()))
  let behavior = made.get(name)
  if (!behavior) {
    behavior = codeSpace
      .behavior()
      .definition((DEFINITIONS[name] ?? {}) as never)
      .register() as unknown as AdapterBehavior
    made.set(name, behavior)
  }
  return behavior
}

/** Whether `component` lists the built-in behavior `name` (directly or through its behaviors). */
export function hasBuiltinBehavior(component: glassEasel.GeneralComponent, name: string): boolean {
  const behavior = spaces.get(component.getOwnerSpace())?.get(name)
  // The adapter's Behavior wraps glass-easel's own in `_$` (internal to its typings).
  const inner = (behavior as unknown as { _$: glassEasel.GeneralBehavior } | undefined)?._$
  return inner !== undefined && component.hasBehavior(inner)
}

/** What a `wx://form-field` component's `value` was when it was created. */
export function initialFormFieldValue(component: glassEasel.GeneralComponent): unknown {
  return initialValues.get(component)
}

/**
 * `env`'s constructors with `wx://` names in `behaviors` replaced by the code space's built-in
 * behaviors; `warn` hears about a name WeChat has but the simulator treats as empty.
 */
export function withBuiltinBehaviors(
  codeSpace: CodeSpace,
  env: ComponentEnv,
  warn: (message: string) => void,
): ComponentEnv {
  const resolve = <T>(definition: T): T => {
    const behaviors = (definition as Definition | undefined)?.behaviors
    if (!Array.isArray(behaviors) || !behaviors.some((item) => typeof item === 'string'))
      return definition
    const resolved = behaviors.map((item: unknown) => {
      if (typeof item !== 'string') return item
      if (!item.startsWith('wx://')) throw new Error(`behavior "${item}" is not found.`)
      if (!(item in DEFINITIONS)) warn(`${item} is not simulated: it adds nothing here`)
      return behaviorNamed(codeSpace, item)
    })
    return { ...(definition as Definition), behaviors: resolved } as T
  }
  const Page = ((definition: unknown) =>
    env.Page(resolve(definition) as never)) as ComponentEnv['Page']
  const Component = ((definition?: unknown) =>
    definition === undefined
      ? env.Component()
      : env.Component(resolve(definition) as never)) as ComponentEnv['Component']
  const Behavior = Object.assign(
    (definition?: unknown) =>
      definition === undefined ? env.Behavior() : env.Behavior(resolve(definition) as never),
    { trait: env.Behavior.trait },
  ) as ComponentEnv['Behavior']
  return { Page, Component, Behavior }
}
