/**
 * WeChat's own 页面不存在 page: what the phone shows when the mini-program was launched on a page
 * app.json does not list and `onPageNotFound` opened nothing else. It names the missing path (with
 * its query) and offers 返回首页, which reLaunches the home page; it goes once a page opens.
 */
import type { MissingPage } from '../../../../shared/runtime'
import { element, phoneButton } from './dom'

export function showPageNotFound(
  doc: Document,
  area: HTMLElement,
  page: MissingPage,
  goHome: () => void,
): HTMLElement {
  const query = new URLSearchParams(page.query).toString()
  const home = phoneButton(doc, { class: 'mp-page-not-found-home' }, ['返回首页'])
  home.addEventListener('click', () => goHome())
  const screen = element(
    doc,
    'section',
    { id: 'mp-page-not-found', role: 'region', 'aria-label': '页面不存在' },
    [
      element(doc, 'div', { class: 'mp-page-not-found-icon', 'aria-hidden': 'true' }, ['!']),
      element(doc, 'h1', {}, ['页面不存在']),
      element(doc, 'p', { class: 'mp-page-not-found-path' }, [
        element(doc, 'code', {}, [query ? `${page.path}?${query}` : page.path]),
      ]),
      home,
    ],
  )
  area.appendChild(screen)
  return screen
}
