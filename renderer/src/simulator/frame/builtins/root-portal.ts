/**
 * `<root-portal>`: its content is drawn at the root of the page (the page viewport, `.mp-page`),
 * out of every transformed or clipping ancestor, so its `position: fixed` is placed against the
 * page as in WeChat. With `enable="{{false}}"` the content stays where it is written.
 * `portalToPage` is also how `page-container` escapes.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, domOf, type Data } from './define'

/** Where a portal of `host` draws: its page viewport (or the document body outside the phone). */
function pageRootOf(host: HTMLElement): HTMLElement {
  return (host.closest('.mp-page') as HTMLElement | null) ?? host.ownerDocument.body
}

/**
 * Keeps `content` (a node of `host`'s shadow tree) at the page's root while `enabled()` and the
 * host is in the page; puts it back into the host otherwise, so glass-easel finds it again.
 */
export function portalToPage(
  context: { host: HTMLElement; onAttach(fn: () => void): void; onDetach(fn: () => void): void },
  content: HTMLElement,
  enabled: () => boolean,
): () => void {
  let attached = false
  const place = () => {
    const target = attached && enabled() ? pageRootOf(context.host) : context.host
    if (content.parentElement !== target) target.appendChild(content)
  }
  context.onAttach(() => {
    attached = true
    place()
  })
  context.onDetach(() => {
    attached = false
    place()
  })
  return place
}

export function defineRootPortal(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'root-portal', {
    properties: { enable: { type: Boolean, value: true } },
    render(context) {
      const contentNode = context.appendElement('div', 'wx-root-portal')
      context.appendSlot(contentNode)
      const place = portalToPage(context, domOf(contentNode), () => Boolean(context.data().enable))
      return (_d: Data) => place()
    },
  })
}
