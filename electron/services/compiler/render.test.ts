// @vitest-environment happy-dom
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as glassEasel from 'glass-easel'
import { MiniProgramEnv } from 'glass-easel-miniprogram-adapter'
import type { Document, HTMLElement } from 'happy-dom'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { transformRpx } from '../../../shared/inline-style'
import { compileProject } from './project-compiler'
import type { CompileResult } from './types'

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/compiler')
const doc = (globalThis as unknown as { document: Document }).document

/**
 * Loads a compile result into the real glass-easel and runs the project's JS. One backend per
 * test file: a CurrentWindowBackendContext listens on the whole document and cannot be detached.
 */
async function loadProject(projectDir: string, result: CompileResult) {
  const env = new MiniProgramEnv()
  const codeSpace = env.createCodeSpace('', true)
  const groupList = new Function(`return ${result.groupListCode}`)()
  codeSpace.addStyleSheet('app', 'app')
  const paths = Object.keys(result.components).sort(
    (a, b) => Number(result.components[a].page) - Number(result.components[b].page),
  )
  for (const path of paths) {
    const component = result.components[path]
    codeSpace.addComponentStaticConfig(path, component.json as never)
    if (groupList[path])
      codeSpace.addCompiledTemplate(path, { groupList, content: groupList[path] })
    codeSpace.addStyleSheet(path, path, component.prefix)
  }
  for (const path of paths) {
    const js = await readFile(join(projectDir, `${path}.js`), 'utf8')
    codeSpace.componentEnv(path, ({ Page, Component, Behavior }) =>
      new Function('Page', 'Component', 'Behavior', js)(Page, Component, Behavior),
    )
  }
  const backend = new glassEasel.CurrentWindowBackendContext()
  backend.onEvent((target, type, detail, options) =>
    glassEasel.Event.triggerEvent(target, type, detail, options),
  )
  const associated = env.associateBackend(backend)
  for (const [path, css] of Object.entries(result.styles)) {
    associated.registerStyleSheetContent(path, css)
  }
  return { associated, codeSpace }
}

/** Creates the page at `route` and attaches it to a fresh element of the document. */
function mount(project: Awaited<ReturnType<typeof loadProject>>, route: string) {
  const root = project.associated.createRoot('page', project.codeSpace, route)
  const host = doc.createElement('div')
  const placeholder = doc.createElement('div')
  host.appendChild(placeholder)
  doc.body.appendChild(host)
  root.attach(host as never, placeholder as never)
  return { root, host }
}

type Mounted = ReturnType<typeof mount>

/** The glass-easel element with `id` in the page's (or a component's) shadow tree. */
function byId(owner: glassEasel.GeneralComponent, id: string): glassEasel.Element {
  const found = owner.getShadowRoot()?.getElementById(id)
  if (!found) throw new Error(`no #${id}`)
  return found
}

function domOf(element: glassEasel.Element): HTMLElement {
  return element.$$ as unknown as HTMLElement
}

function textOf(owner: glassEasel.GeneralComponent, id: string): string {
  return domOf(byId(owner, id)).textContent ?? ''
}

/** A mouse tap as CurrentWindowBackendContext recognises it: press and release in place. */
function tap(element: HTMLElement) {
  const MouseEvent = (
    globalThis as unknown as { MouseEvent: typeof import('happy-dom').MouseEvent }
  ).MouseEvent
  for (const type of ['mousedown', 'mouseup']) {
    element.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: 5, clientY: 5 }))
  }
}

const BASIC = join(FIXTURES, 'basic')

describe('the basic fixture renders in the real glass-easel', () => {
  let compiled: CompileResult
  let project: Awaited<ReturnType<typeof loadProject>>
  let mounted: Mounted
  let page: glassEasel.GeneralComponent
  const originalSetNodeStyle = glassEasel.Element.prototype.setNodeStyle

  beforeAll(async () => {
    compiled = await compileProject({ root: BASIC, rpx: { deviceWidth: 375 } })
    project = await loadProject(BASIC, compiled)
  })

  beforeEach(() => {
    mounted = mount(project, 'pages/index/index')
    page = mounted.root.getComponent()
  })

  afterEach(() => {
    mounted.root.release()
    glassEasel.Element.prototype.setNodeStyle = originalSetNodeStyle
    doc.body.innerHTML = ''
  })

  it('compiles without errors', () => {
    expect(compiled.errors).toEqual([])
  })

  it('wx:for renders every item with its index', () => {
    expect(textOf(page, 'list')).toBe('0:apple;1:banana;')
  })

  it('wx:key keeps the DOM node of each item when the list is reordered', () => {
    const before = [...domOf(byId(page, 'list')).children]
    mounted.root.get().setData({
      items: [
        { id: 'b', name: 'banana' },
        { id: 'a', name: 'apple' },
      ],
    })
    const after = [...domOf(byId(page, 'list')).children]
    expect(textOf(page, 'list')).toBe('0:banana;1:apple;')
    expect(after[0]).toBe(before[1])
    expect(after[1]).toBe(before[0])
  })

  it('wx:if / wx:elif / wx:else render the matching branch and switch on setData', () => {
    expect(textOf(page, 'cond')).toBe('one')
    mounted.root.get().setData({ n: 5 })
    expect(textOf(page, 'cond')).toBe('many')
    mounted.root.get().setData({ n: 0 })
    expect(textOf(page, 'cond')).toBe('none')
  })

  it('<template is> renders a template from <import> with spread data', () => {
    expect(textOf(page, 'tpl')).toBe('first-item costs 3')
  })

  it('<include> renders the included file', () => {
    expect(domOf(page).textContent).toContain('Header included')
  })

  it('a <wxs src> module works, with require() between .wxs files and getDate', () => {
    expect(textOf(page, 'wxs-src')).toBe('¥12.34 1970 6')
  })

  it('an inline <wxs> module works with getRegExp and require()', () => {
    expect(textOf(page, 'wxs-inline')).toBe('H*LL* W*RLD')
  })

  it('x.constructor in WXS is the type name, in .wxs files and inline modules', () => {
    expect(textOf(page, 'wxs-constructor')).toBe(
      'Array Object Number String Boolean Function Date RegExp String',
    )
    expect(textOf(page, 'wxs-inline-constructor')).toBe('array not array')
    expect([].constructor).toBe(Array)
  })

  it('bindtap="x" is rewritten so a tap runs the handler and setData updates the DOM', () => {
    const target = byId(page, 'tap')
    tap(domOf(target))
    tap(domOf(target))
    expect(textOf(page, 'tap')).toBe('taps 2 bindtap="text stays"')
  })

  it('a handler name computed in bindtap="{{…}}" runs, and an empty name runs nothing', () => {
    tap(domOf(byId(page, 'dynamic-tap')))
    expect(textOf(page, 'tap')).toContain('taps 1 ')
    mounted.root.get().setData({ n: 9 })
    tap(domOf(byId(page, 'dynamic-tap')))
    expect(textOf(page, 'tap')).toContain('taps 1 ')
  })

  it('the rewrite leaves attribute values alone', () => {
    expect(byId(page, 'tap').dataset.note).toBe('bindtap=keep')
  })

  it('a custom component receives its property', () => {
    const card = byId(page, 'card') as glassEasel.GeneralComponent
    expect(textOf(card, 'card-title')).toBe('Card title')
    mounted.root.get().setData({ title: 'New title' })
    expect(textOf(card, 'card-title')).toBe('New title')
  })

  it('triggerEvent from a custom component reaches the page through bindpicked', () => {
    const card = byId(page, 'card') as glassEasel.GeneralComponent
    tap(domOf(byId(card, 'card-title')))
    expect(textOf(page, 'picked')).toBe('picked Card title')
  })

  it('a component from app.json usingComponents renders in a page', () => {
    expect(domOf(page).querySelector('tag')?.textContent).toBe('tag global')
  })

  it('an isolated component gets prefixed classes and a wx-host attribute its CSS selects', () => {
    const card = byId(page, 'card') as glassEasel.GeneralComponent
    const prefix = compiled.components['components/card/card'].prefix
    const title = domOf(byId(card, 'card-title'))
    const host = domOf(card)
    expect(title.className).toBe(`${prefix}--title`)
    expect(host.getAttribute('wx-host')).toBe(prefix)
    const css = [...doc.head.querySelectorAll('style')].map((s) => s.textContent).join('\n')
    expect(css).toContain(`.${prefix}--title { padding: 10px; }`)
    expect(css).toContain(`[wx-host=${prefix}] { display: block; border: 1px solid #ccc; }`)
    expect(title.matches(`.${prefix}--title`)).toBe(true)
    expect(host.matches(`[wx-host=${prefix}]`)).toBe(true)
  })

  it('app.wxss is applied to the page, with its @import inlined', () => {
    const css = [...doc.head.querySelectorAll('style')].map((s) => s.textContent).join('\n')
    expect(css).toContain('.common { margin: 5px 10px; }')
    expect(css).toContain('.global-title { font-size: 18px; }')
  })

  it('rpx in an inline style with {{}} converts at runtime through transformRpx', () => {
    mounted.root.release()
    doc.body.innerHTML = ''
    // The iframe wraps setNodeStyle the same way, with the current device width.
    glassEasel.Element.prototype.setNodeStyle = function (style, index) {
      return originalSetNodeStyle.call(this, transformRpx(style, { deviceWidth: 375 }), index)
    }
    mounted = mount(project, 'pages/index/index')
    const box = domOf(byId(mounted.root.getComponent(), 'box'))
    expect(box.getAttribute('style')).toBe('width: 150px; height: 37px')
    mounted.root.get().setData({ boxWidth: 750 })
    expect(box.getAttribute('style')).toBe('width: 375px; height: 37px')
  })
})

describe('a project with broken files still renders its good pages', () => {
  it('the good page of the broken fixture renders with its style', async () => {
    const dir = join(FIXTURES, 'broken')
    const compiled = await compileProject({ root: dir, rpx: { deviceWidth: 375 } })
    expect(compiled.errors.length).toBeGreaterThan(0)
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const project = await loadProject(dir, compiled)
    expect(logged).toHaveBeenCalledWith(
      'WXS module pages/bad-wxs/throws failed while loading:',
      expect.objectContaining({ message: 'boom while loading' }),
    )
    logged.mockRestore()
    const { root, host } = mount(project, 'pages/good/good')
    root.get().setData({ value: 42 })
    expect(host.textContent).toBe('good page 42')
    const css = [...doc.head.querySelectorAll('style')].map((s) => s.textContent).join('\n')
    expect(css).toContain('.ok { width: 50px; }')
    root.release()
    doc.body.innerHTML = ''
  })
})
