/**
 * A mini-program page with the built-ins, in the real glass-easel on happy-dom: WXML compiled by
 * the project compiler in Node, loaded as the simulator frame loads it, events from real DOM
 * events through glass-easel's DOM backend.
 */
import * as glassEasel from 'glass-easel'
import { MiniProgramEnv } from 'glass-easel-miniprogram-adapter'
import { compileProject } from '../../../electron/services/compiler'
import {
  installBuiltinComponents,
  type NavigationApi,
} from '../../../renderer/src/simulator/frame/builtins'
import type { NavigationBarChange } from '../../../renderer/src/simulator/frame/builtins/page-meta'
import type { JudgeWebView } from '../../../renderer/src/simulator/frame/builtins/web-view'
import type {
  LocalFileReader,
  RemoteLoadStarter,
} from '../../../renderer/src/simulator/frame/builtins/image'
import { touchFields } from '../../../renderer/src/simulator/frame/tap-events'
import { withBuiltinBehaviors } from '../../../shared/runtime/builtin-behaviors'
import { adoptScriptStyleIsolation } from '../../../shared/runtime/script-style-isolation'
import { installTemplateHandlers } from '../../../shared/runtime/template-handlers'

export const doc = (globalThis as unknown as { document: Document }).document
const win = globalThis as unknown as Window & typeof globalThis

/** One backend per test file: a CurrentWindowBackendContext listens on the whole document. */
let backend: glassEasel.CurrentWindowBackendContext | undefined

export interface PageSpec {
  wxml: string
  /** The page's `Page({...})` definition; `this` is the page. */
  page?: Record<string, unknown>
  /** Files besides the page (root-relative) for components, templates. */
  files?: Record<string, string>
  assets?: Record<string, string>
  /** The served folders of the extended libraries app.json turns on. */
  libraryRoots?: string[]
  route?: string
  /** app.json's `style`. */
  style?: string
  /** Mounts the page inside the phone's page viewport (`.mp-page > .mp-page-body`). */
  viewport?: boolean
  /** The 业务域名 decisions `<web-view>` asks for (the main process's, in the simulator). */
  judgeWebView?: JudgeWebView
  /** Reads `wxfile://` files for `<image>` and `<editor>` (the frame's file mirror, in the simulator). */
  readLocalFile?: LocalFileReader
  /** Starts `<image>`'s network requests (the simulator holds them until its first paint). */
  startRemoteLoad?: RemoteLoadStarter
  /** The simulated location `<map show-location>` draws (the simulator's 位置). */
  location?: { longitude: number; latitude: number }
}

export interface MountedPage {
  page: glassEasel.GeneralComponent & { data: Record<string, unknown> } & {
    setData(data: Record<string, unknown>): void
  }
  host: HTMLElement
  navigations: { api: NavigationApi; options: { url?: string; delta?: number } }[]
  /** What the built-ins asked of the runtime's `wx` (the harness has no runtime). */
  wxCalls: { api: string; options: Record<string, unknown> }[]
  /** What `<navigation-bar>` asked of the phone's navigation bar. */
  navigationBar: NavigationBarChange[]
  /** The DOM element of the node with `id` in the page. */
  byId(id: string): HTMLElement
  /** The glass-easel node with `id` in the page. */
  node(id: string): glassEasel.Element
  release(): void
}

export async function mountPage(spec: PageSpec): Promise<MountedPage> {
  const route = spec.route ?? 'pages/index/index'
  const files: Record<string, string> = {
    'app.json': JSON.stringify({ pages: [route] }),
    [`${route}.json`]: '{}',
    [`${route}.wxml`]: spec.wxml,
    ...spec.files,
  }
  const compiled = await compileProject({
    readFile: async (path) => files[path] ?? null,
    rpx: { deviceWidth: 375 },
  })
  if (compiled.errors.length) throw new Error(JSON.stringify(compiled.errors))

  const env = new MiniProgramEnv()
  const codeSpace = env.createCodeSpace('', true)
  installTemplateHandlers(codeSpace.getComponentSpace())
  const navigations: MountedPage['navigations'] = []
  const navigationBar: NavigationBarChange[] = []
  const wxCalls: MountedPage['wxCalls'] = []
  const unregister = installBuiltinComponents(codeSpace, {
    document: doc,
    assets: spec.assets ?? {},
    libraryRoots: spec.libraryRoots ?? [],
    deviceWidth: 375,
    style: spec.style ?? '',
    navigate: (api, options) => navigations.push({ api, options }),
    setNavigationBar: (change) => navigationBar.push(change),
    callWx: (api, options) => wxCalls.push({ api, options }),
    ...(spec.judgeWebView && { judgeWebView: spec.judgeWebView }),
    ...(spec.readLocalFile && { readLocalFile: spec.readLocalFile }),
    ...(spec.startRemoteLoad && { startRemoteLoad: spec.startRemoteLoad }),
    ...(spec.location && {
      watchLocation: (listener: (location: { longitude: number; latitude: number }) => void) => {
        listener(spec.location!)
        return () => undefined
      },
    }),
  })
  const groupList = new Function(`return ${compiled.groupListCode}`)()
  codeSpace.addStyleSheet('app', 'app')
  for (const [path, component] of Object.entries(compiled.components)) {
    codeSpace.addComponentStaticConfig(path, component.json as never)
    if (groupList[path])
      codeSpace.addCompiledTemplate(path, { groupList, content: groupList[path] })
    codeSpace.addStyleSheet(path, path, component.prefix)
  }
  for (const path of Object.keys(compiled.components)) {
    const js = files[`${path}.js`]
    if (js) {
      const env = codeSpace.componentEnv(path, (componentEnv) => componentEnv)
      const { Component, Behavior } = withBuiltinBehaviors(codeSpace, env, () => {})
      // As the runtime registers a component: its definition's apply-shared choice adopted.
      const register = (definition: never) => {
        adoptScriptStyleIsolation(codeSpace, path, definition)
        return Component(definition)
      }
      new Function('Component', 'Behavior', js)(register, Behavior)
    }
  }
  codeSpace.componentEnv(route, ({ Page }) => Page((spec.page ?? {}) as never))

  if (!backend) {
    backend = new glassEasel.CurrentWindowBackendContext()
    backend.onEvent((target, type, detail, options) =>
      glassEasel.Event.triggerEvent(target, type, detail, {
        ...options,
        extraFields: { ...touchFields(options.originalEvent) },
      }),
    )
  }
  const associated = env.associateBackend(backend)
  for (const [path, css] of Object.entries(compiled.styles)) {
    associated.registerStyleSheetContent(path, css)
  }
  const root = associated.createRoot('page', codeSpace, route)
  const host = doc.createElement('div')
  const placeholder = doc.createElement('div')
  host.appendChild(placeholder)
  if (spec.viewport) {
    const viewport = doc.createElement('div')
    viewport.className = 'mp-page'
    const body = doc.createElement('div')
    body.className = 'mp-page-body'
    body.appendChild(host)
    viewport.appendChild(body)
    doc.body.appendChild(viewport)
  } else doc.body.appendChild(host)
  root.attach(host as never, placeholder as never)
  const page = root.getComponent() as MountedPage['page']
  const node = (id: string) => {
    const found = page.getShadowRoot()?.getElementById(id)
    if (!found) throw new Error(`no #${id}`)
    return found
  }
  return {
    page: root.get() as unknown as MountedPage['page'],
    host,
    navigations,
    navigationBar,
    wxCalls,
    node,
    byId: (id) => node(id).$$ as unknown as HTMLElement,
    release() {
      root.release()
      unregister()
      doc.body.innerHTML = ''
    },
  }
}

/** A tap as a finger makes it: touchstart and touchend at the same point. */
export function tap(element: Element, x = 5, y = 5) {
  const touch = { identifier: 1, target: element, clientX: x, clientY: y, pageX: x, pageY: y }
  element.dispatchEvent(
    new win.TouchEvent('touchstart', {
      bubbles: true,
      touches: [touch as never],
      changedTouches: [touch as never],
    }),
  )
  element.dispatchEvent(
    new win.TouchEvent('touchend', {
      bubbles: true,
      touches: [],
      changedTouches: [touch as never],
    }),
  )
}

/** Types `value` into a real input or textarea as the browser reports it. */
export function type(control: HTMLInputElement | HTMLTextAreaElement, value: string) {
  control.value = value
  control.dispatchEvent(new win.Event('input', { bubbles: true }))
}

export function key(element: Element, keyName: string, keyCode = 0) {
  element.dispatchEvent(new win.KeyboardEvent('keydown', { key: keyName, keyCode, bubbles: true }))
}

/** Lets timers of 0 ms (focus, scroll positions, deferred errors) run. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}
