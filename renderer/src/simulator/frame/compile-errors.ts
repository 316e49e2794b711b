/**
 * The overlay that lists the bundle's compile errors inside the phone, each as
 * `file:line:column message`. It can be dismissed; the pages that compiled keep working under it.
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
  const close = element(
    doc,
    'button',
    { type: 'button', class: 'mp-compile-errors-close', 'aria-label': '关闭' },
    ['×'],
  )
  const overlay = element(
    doc,
    'section',
    { id: 'mp-compile-errors', role: 'alert', 'aria-label': '编译错误' },
    [
      element(doc, 'header', {}, [
        element(doc, 'span', {}, [`编译错误 (${errors.length})`]),
        close,
      ]),
      element(
        doc,
        'ol',
        {},
        errors.map((error) =>
          element(doc, 'li', {}, [
            element(doc, 'code', { class: 'mp-compile-error-location' }, [
              `${error.file}:${error.line}:${error.column}`,
            ]),
            ` ${error.message}`,
          ]),
        ),
      ),
    ],
  )
  close.addEventListener('click', () => overlay.remove())
  parent.appendChild(overlay)
  return overlay
}
