/** A small element builder for the frame's own UI (the mini-program's DOM is glass-easel's). */

type Attributes = Record<string, string | undefined>

export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Attributes = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) node.setAttribute(name, value)
  }
  for (const child of children) {
    node.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child)
  }
  return node
}

/**
 * A button of the phone's own UI (bars, capsule, tab bar, modals, action sheets…). WeChat draws
 * those natively, so a project's `button {}` rules (app.wxss styles every `<button>` in the
 * frame's document) must not reach them: they are `div`s with the button role, focusable and
 * pressed with Enter or Space as a `<button>` is, and look like `.mp-button` (frame.css).
 */
export function phoneButton(
  doc: Document,
  attributes: Attributes = {},
  children: (Node | string)[] = [],
): HTMLElement {
  const node = element(doc, 'div', { role: 'button', tabindex: '0', ...attributes }, children)
  node.classList.add('mp-button')
  node.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
    node.click()
  })
  return node
}
