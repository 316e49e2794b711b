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
