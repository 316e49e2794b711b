/**
 * An element of the glass-easel tree as WXML text (`Element.getWXML`) and as its text content
 * (`innerText` headless). Both follow the composed tree, as the screen shows it: a custom
 * component's own template with the slotted content in place, `wx:if` / `wx:for` blocks as their
 * rendered children.
 */
import * as glassEasel from 'glass-easel'
import { tagNameOf } from './wxml-selector'

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;')
}

function attributesOf(element: glassEasel.Element): string {
  const parts: string[] = []
  if (element.id) parts.push(`id="${escapeAttribute(element.id)}"`)
  if (element.class) parts.push(`class="${escapeAttribute(element.class)}"`)
  if (element.style) parts.push(`style="${escapeAttribute(element.style)}"`)
  for (const { name, value } of element.attributes) {
    if (value === undefined || value === null || value === false) continue
    parts.push(value === true ? name : `${name}="${escapeAttribute(String(value))}"`)
  }
  for (const [key, value] of Object.entries(element.dataset ?? {})) {
    const name = `data-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`
    parts.push(
      `${name}="${escapeAttribute(typeof value === 'string' ? value : JSON.stringify(value))}"`,
    )
  }
  return parts.length > 0 ? ` ${parts.join(' ')}` : ''
}

function composedChildren(node: glassEasel.Element): glassEasel.Node[] {
  const children: glassEasel.Node[] = []
  node.forEachComposedChild((child) => {
    children.push(child)
  })
  return children
}

function serialize(node: glassEasel.Node): string {
  const text = node.asTextNode()
  if (text) return escapeText(text.textContent)
  const element = node as glassEasel.Element
  const inner = innerWxml(element)
  if (element.asVirtualNode()) return inner
  const tag = tagNameOf(element)
  return `<${tag}${attributesOf(element)}>${inner}</${tag}>`
}

export function innerWxml(element: glassEasel.Element): string {
  return composedChildren(element).map(serialize).join('')
}

export function outerWxml(element: glassEasel.Element): string {
  return serialize(element)
}

export function textOf(node: glassEasel.Node): string {
  const text = node.asTextNode()
  if (text) return text.textContent
  return composedChildren(node as glassEasel.Element)
    .map(textOf)
    .join('')
}
