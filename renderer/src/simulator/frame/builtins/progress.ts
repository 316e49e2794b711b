/**
 * `<progress>`: HTML draws its own `<progress>` tag and never its children, so this built-in has no
 * host element (glass-easel's virtual host) and draws `<wx-progress>` itself, with role
 * progressbar. Its `style` and `class` (in the style scope of the page or component using it)
 * are passed on.
 */
import type * as glassEasel from 'glass-easel'
import { cssLength } from './css-length'
import { defineBuiltin, domOf, toggleAttribute, type BuiltinContext, type Data } from './define'

/** `deviceWidth` converts rpx in the length attributes (`stroke-width="8rpx"`). */
export function defineProgress(space: glassEasel.ComponentSpace, deviceWidth: number): void {
  defineBuiltin(space, 'progress', {
    virtualHost: true,
    properties: {
      percent: { type: Number, value: 0 },
      showInfo: { type: Boolean, value: false },
      // Number or string in WeChat: a bare number is px, a string may be any length (rpx too).
      borderRadius: { type: null, value: 0 },
      fontSize: { type: null, value: 16 },
      strokeWidth: { type: null, value: 6 },
      color: { type: String, value: '' },
      activeColor: { type: String, value: '#09BB07' },
      backgroundColor: { type: String, value: '#EBEBEB' },
      active: { type: Boolean, value: false },
      activeMode: { type: String, value: 'backwards' },
      duration: { type: Number, value: 30 },
      style: { type: String, value: '' },
    },
    render(context) {
      const { emit } = context
      // WeChat's wx-progress takes the id (`#id` rules and queries find it).
      const rootDom = drawnHost(context, 'wx-progress')
      const doc = rootDom.ownerDocument
      const bar = doc.createElement('div')
      bar.className = 'wx-progress-bar'
      const inner = doc.createElement('div')
      inner.className = 'wx-progress-inner-bar'
      bar.appendChild(inner)
      const info = doc.createElement('span')
      info.className = 'wx-progress-info'
      rootDom.append(bar, info)
      rootDom.setAttribute('role', 'progressbar')
      rootDom.setAttribute('aria-valuemin', '0')
      rootDom.setAttribute('aria-valuemax', '100')
      inner.addEventListener('transitionend', () => emit('activeend', {}))

      let shown = 0
      return (d: Data) => {
        rootDom.setAttribute('style', String(d.style))
        // No host to hide: `hidden` applies to what it draws.
        toggleAttribute(rootDom, 'hidden', Boolean(d.hidden))
        const percent = Math.min(100, Math.max(0, Number(d.percent) || 0))
        rootDom.setAttribute('aria-valuenow', String(percent))
        bar.style.height = cssLength(d.strokeWidth, deviceWidth)
        bar.style.backgroundColor = String(d.backgroundColor)
        bar.style.borderRadius = inner.style.borderRadius = cssLength(d.borderRadius, deviceWidth)
        inner.style.backgroundColor = String(d.color || d.activeColor)
        // `active` animates from 0 (backwards) or from the last value (forwards).
        const from = d.activeMode === 'forwards' ? shown : 0
        if (d.active) {
          inner.style.transition = 'none'
          inner.style.width = `${from}%`
          void inner.offsetWidth
          inner.style.transition = `width ${(Math.abs(percent - from) * Number(d.duration)) / 1000}s linear`
        } else {
          inner.style.transition = 'none'
        }
        inner.style.width = `${percent}%`
        shown = percent
        info.hidden = !d.showInfo
        info.textContent = `${percent}%`
        info.style.fontSize = cssLength(d.fontSize, deviceWidth)
      }
    },
  })
}

/**
 * The class names on a virtual host as its user's style scope writes them: `PREFIX--name` in an
 * isolated component, `name` in a page (and both with `addGlobalClass`).
 */
export function scopedClassNames(component: glassEasel.GeneralComponent): string[] {
  const names = (component.classList?.getClassNames() ?? '').split(/\s+/).filter(Boolean)
  const owner = component.ownerShadowRoot?.getHostNode()
  const options = owner?.getComponentOptions()
  const manager = component.getOwnerSpace().styleScopeManager
  const prefixes = [options?.styleScope, options?.extraStyleScope]
    .filter((scope): scope is number => typeof scope === 'number')
    .map((scope) => manager.queryName(scope) ?? '')
  if (prefixes.length === 0) prefixes.push('')
  return names.flatMap((name) => prefixes.map((prefix) => (prefix ? `${prefix}--${name}` : name)))
}

/**
 * For a built-in with a virtual host whose tag the browser would draw itself (`video`, and
 * `camera`, which Chromium draws as a permission button): the `<tagName>` element it draws in its
 * place, carrying the user's class names (kept current) and id.
 */
export function drawnHost(context: BuiltinContext, tagName: string): HTMLElement {
  return domOf(drawnHostNode(context, tagName))
}

/** `drawnHost`'s element as a glass-easel node, to append slots or elements into. */
export function drawnHostNode(context: BuiltinContext, tagName: string): glassEasel.NativeNode {
  const { component } = context
  const node = context.appendElement(tagName, tagName)
  const root = domOf(node)
  // A virtual host's class changes reach no element and no observer: they are caught here.
  const applyClasses = () => {
    root.className = [tagName, ...scopedClassNames(component)].join(' ')
    if (component.id) root.id = component.id
  }
  const setNodeClass = component.setNodeClass.bind(component)
  component.setNodeClass = (names, index) => {
    setNodeClass(names, index)
    applyClasses()
  }
  context.onAttach(applyClasses)
  return node
}
