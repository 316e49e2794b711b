/** How a `<label>` works a checkbox, radio or switch: the same activation as a tap on it. */
import type * as glassEasel from 'glass-easel'

const activations = new WeakMap<glassEasel.Element, () => void>()

export function registerActivation(element: glassEasel.Element, activation: () => void): void {
  activations.set(element, activation)
}

export function activate(element: glassEasel.Element): void {
  activations.get(element)?.()
}
