/**
 * The bar that shows the bundle's compile errors at the bottom of the phone, as WeChat's tool
 * does: one line with the count and the first error's `file:line:column message`, which expands
 * to the list of every error. It can be dismissed; the pages that compiled keep working above it.
 */
import { element } from './dom'

export interface CompileProblem {
  file: string
  line: number
  column: number
  message: string
}

export function showCompileErrors(
  doc: Document,
  parent: HTMLElement,
  errors: readonly CompileProblem[],
): HTMLElement | undefined {
  if (errors.length === 0) return undefined
  const place = (error: CompileProblem) => `${error.file}:${error.line}:${error.column}`
  const [first] = errors
  const toggle = element(
    doc,
    'button',
    { type: 'button', class: 'mp-compile-errors-toggle', 'aria-expanded': 'false' },
    [
      element(doc, 'strong', {}, [`编译错误 (${errors.length})`]),
      element(doc, 'span', { class: 'mp-compile-errors-summary' }, [
        `${place(first)} ${first.message}`,
      ]),
    ],
  )
  const close = element(
    doc,
    'button',
    { type: 'button', class: 'mp-compile-errors-close', 'aria-label': '关闭' },
    ['×'],
  )
  const list = element(
    doc,
    'ol',
    {},
    errors.map((error) =>
      element(doc, 'li', {}, [
        element(doc, 'code', { class: 'mp-compile-error-location' }, [place(error)]),
        ` ${error.message}`,
      ]),
    ),
  )
  list.hidden = true
  const overlay = element(
    doc,
    'section',
    { id: 'mp-compile-errors', role: 'alert', 'aria-label': '编译错误' },
    [element(doc, 'header', {}, [toggle, close]), list],
  )
  toggle.addEventListener('click', () => {
    list.hidden = !list.hidden
    toggle.setAttribute('aria-expanded', String(!list.hidden))
  })
  close.addEventListener('click', () => overlay.remove())
  parent.appendChild(overlay)
  return overlay
}
