// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { showCompileErrors } from './compile-errors'

const errors = [
  { file: 'pages/a/a.wxml', line: 3, column: 7, message: 'unclosed tag <view>' },
  { file: 'utils/b.ts', line: 2, column: 1, message: 'Unexpected end of file' },
]

afterEach(() => document.body.replaceChildren())

describe('the compile-error bar', () => {
  it('starts as a one-line bar naming the first error, with its place, and the count', () => {
    const bar = showCompileErrors(document, document.body, errors) as HTMLElement
    expect(bar.getAttribute('role')).toBe('alert')
    const toggle = bar.querySelector('.mp-compile-errors-toggle') as HTMLButtonElement
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(toggle.textContent).toContain('编译错误 (2)')
    expect(toggle.textContent).toContain('pages/a/a.wxml:3:7 unclosed tag <view>')
    expect((bar.querySelector('ol') as HTMLElement).hidden).toBe(true)
  })

  it('expands to every error with file:line:column and collapses again', () => {
    const bar = showCompileErrors(document, document.body, errors) as HTMLElement
    const toggle = bar.querySelector('.mp-compile-errors-toggle') as HTMLButtonElement
    toggle.click()
    const list = bar.querySelector('ol') as HTMLElement
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    expect(list.hidden).toBe(false)
    expect([...list.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'pages/a/a.wxml:3:7 unclosed tag <view>',
      'utils/b.ts:2:1 Unexpected end of file',
    ])
    toggle.click()
    expect(list.hidden).toBe(true)
  })

  it('closes with its close button', () => {
    const bar = showCompileErrors(document, document.body, errors) as HTMLElement
    ;(bar.querySelector('.mp-compile-errors-close') as HTMLButtonElement).click()
    expect(document.getElementById('mp-compile-errors')).toBeNull()
  })

  it('shows nothing without errors', () => {
    expect(showCompileErrors(document, document.body, [])).toBeUndefined()
  })
})
