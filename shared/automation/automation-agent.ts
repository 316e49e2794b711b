/**
 * Answers the automation protocol's commands on one running mini-program: its `wx`, app, page
 * stack and glass-easel element tree. Environment-free: `mpdt auto` runs it beside the headless
 * runtime in Node, the simulator's frame beside its runtime in the workbench; what only a screen
 * can answer (styles, offsets, window properties) comes from `host.view`, and without one those
 * methods answer an error that says so. A method the agent does not know answers an error naming
 * it, never silence.
 */
import * as glassEasel from 'glass-easel'
import type { Runtime } from '../runtime'
import {
  AutomationError,
  type AutomationCommand,
  type AutomationEvent,
  type AutomationReply,
} from './automation-protocol'
import { toJsonSafe } from '../safe-copy'
import { attributeOf, selectAll, SelectorError, tagNameOf } from './wxml-selector'
import { innerWxml, outerWxml, textOf } from './wxml-serializer'
import { selectByXpath } from './wxml-xpath'
import { callWxMethod, WxMocks } from './wx-methods'

/** What only a rendered screen knows; the workbench's frame provides it. */
export interface AutomationView {
  windowProperties(names: string[]): unknown[]
  styles(element: glassEasel.Element, names: string[]): string[]
  offset(element: glassEasel.Element): { left: number; top: number }
  domProperties(element: glassEasel.Element, names: string[]): unknown[]
}

export interface AutomationHost {
  runtime: Pick<Runtime, 'wx' | 'getApp' | 'getCurrentPages'>
  /** Runs code in the mini-program's logic context (the runtime port's `evaluate`). */
  evaluate(code: string, filename: string): unknown
  /** Sends an event to the client. */
  emit(event: AutomationEvent): void
  /** An exception of mini-program code the agent ran (a mock, a callback). */
  reportError(error: unknown): void
  /** Where the mini-program runs: what `Tool.getInfo` and the headless errors say. */
  mode: 'headless' | 'workbench'
  view?: AutomationView
}

/** The lowest SDKVersion miniprogram-automator accepts is 2.7.3. */
export const AUTOMATION_SDK_VERSION_FALLBACK = '3.3.4'

const HOLD_FOR_LONGPRESS_MS = 350

type Params = Record<string, unknown>
type Handler = (params: Params) => unknown

export interface AutomationAgent {
  handle(command: AutomationCommand): Promise<AutomationReply>
  /** A console call of the mini-program: `App.logAdded` once the client enabled the log. */
  console(level: string, args: unknown[]): void
  /** An uncaught exception of the mini-program: `App.exceptionThrown`. */
  exception(error: { message: string; stack: string }): void
  /** Restores every mocked `wx` member and removes the bindings. */
  dispose(): void
}

function stringParam(params: Params, name: string, method: string): string {
  const value = params[name]
  if (typeof value !== 'string') {
    throw new AutomationError(`${method}: params.${name} must be a string`)
  }
  return value
}

function namesParam(params: Params, method: string): string[] {
  const names = params.names
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
    throw new AutomationError(`${method}: params.names must be an array of strings`)
  }
  return names
}

/** `a.b[0].c` → the value at that path in `data`. */
function valueAtPath(data: unknown, path: string): unknown {
  let current = data
  for (const key of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}

type Caller = Record<string, unknown> & { _$: glassEasel.GeneralComponent }

export function createAutomationAgent(host: AutomationHost): AutomationAgent {
  const { runtime } = host
  const wx = runtime.wx
  let logEnabled = false
  const bindings = new Set<string>()
  const pageIds = new WeakMap<object, number>()
  let nextPageId = 1
  const elements = new Map<string, glassEasel.Element>()
  const elementIds = new WeakMap<glassEasel.Element, string>()
  let nextElementId = 1
  const touchStarted = new WeakMap<glassEasel.Element, number>()

  type AppContextFn = (...args: unknown[]) => unknown
  const appContext = host.evaluate(
    '(function (wx, getApp, getCurrentPages, __source) { return eval("(" + __source + ")") })',
    'automation',
  ) as (wx: unknown, getApp: unknown, getCurrentPages: unknown, source: string) => unknown
  const compileFunction = (source: string): AppContextFn => {
    const fn = appContext(
      wx,
      () => runtime.getApp(),
      () => runtime.getCurrentPages(),
      source,
    )
    if (typeof fn !== 'function') {
      throw new AutomationError(`functionDeclaration is not a function: ${source.slice(0, 80)}`)
    }
    return fn as AppContextFn
  }
  const mocks = new WxMocks(wx, { compileFunction, reportError: host.reportError })

  const pageIdOf = (instance: object): number => {
    let id = pageIds.get(instance)
    if (id === undefined) {
      id = nextPageId++
      pageIds.set(instance, id)
    }
    return id
  }
  const describePage = (instance: Record<string, unknown>) => ({
    pageId: pageIdOf(instance),
    path: instance.route,
    query: { ...(instance.options as Record<string, string>) },
  })
  const pageOf = (params: Params, method: string): Caller => {
    const pageId = params.pageId
    const page = runtime.getCurrentPages().find((instance) => pageIds.get(instance) === pageId) as
      Caller | undefined
    if (!page) {
      throw new AutomationError(`${method}: page ${String(pageId)} is not in the page stack`)
    }
    return page
  }
  const describeElement = (element: glassEasel.Element) => {
    let elementId = elementIds.get(element)
    if (elementId === undefined) {
      elementId = `e${nextElementId++}`
      elementIds.set(element, elementId)
      elements.set(elementId, element)
    }
    const component = element.asGeneralComponent()
    // `nodeId` tells the client a custom component (its CustomElement has data and methods).
    const isCustom = component !== null && !isBuiltin(component)
    return { elementId, tagName: tagNameOf(element), ...(isCustom && { nodeId: elementId }) }
  }
  const elementOf = (params: Params, method: string): glassEasel.Element => {
    const element = elements.get(String(params.elementId))
    if (!element) throw new AutomationError(`${method}: no element ${String(params.elementId)}`)
    return element
  }
  const componentOf = (params: Params, method: string): glassEasel.GeneralComponent => {
    const component = elementOf(params, method).asGeneralComponent()
    if (!component) {
      throw new AutomationError(`${method}: the element is not a custom component`)
    }
    return component
  }
  const query = (scope: glassEasel.Element, params: Params, method: string) => {
    const selector = stringParam(params, 'selector', method)
    try {
      return method.includes('Xpath') ? selectByXpath(scope, selector) : selectAll(scope, selector)
    } catch (error) {
      if (error instanceof SelectorError) throw new AutomationError(`${method}: ${error.message}`)
      throw error
    }
  }
  const scopeOf = (element: glassEasel.Element): glassEasel.Element =>
    element.asGeneralComponent()?.getShadowRoot() ?? element
  const first = (found: glassEasel.Element[], params: Params, method: string) => {
    if (found.length === 0) {
      throw new AutomationError(`${method}: no element matches ${JSON.stringify(params.selector)}`)
    }
    return describeElement(found[0])
  }
  const needsView = (method: string): AutomationView => {
    if (host.view) return host.view
    throw new AutomationError(
      `${method} needs a rendered screen: headless mode has no layout or styles; ` +
        'run mpdt auto with --web for the workbench',
    )
  }
  const trigger = (
    element: glassEasel.Element,
    type: string,
    detail: unknown,
    extraFields: Record<string, unknown> = {},
  ) => {
    glassEasel.Event.triggerEvent(element, type, detail, {
      bubbles: true,
      composed: true,
      extraFields,
    })
  }
  const touchAt = (params: Params) => {
    const point = { identifier: 0, pageX: 0, pageY: 0, clientX: 0, clientY: 0, force: 1 }
    return {
      touches: Array.isArray(params.touches) ? params.touches : [point],
      changedTouches: Array.isArray(params.changedTouches) ? params.changedTouches : [point],
    }
  }
  const callAndAwait = async (
    target: Record<string, unknown>,
    name: string,
    args: unknown[],
    method: string,
  ) => {
    const member = target[name]
    if (typeof member !== 'function') {
      throw new AutomationError(`${method}: ${name} is not a method`)
    }
    let result = (member as (...a: unknown[]) => unknown).apply(target, args)
    if (isThenable(result)) result = await result
    return { result: toJsonSafe(result) }
  }
  const argsOf = (params: Params): unknown[] => (Array.isArray(params.args) ? params.args : [])

  const handlers: Record<string, Handler> = {
    'Tool.getInfo': () => {
      const info = (wx.getSystemInfoSync as (() => { SDKVersion?: string }) | undefined)?.()
      return { SDKVersion: info?.SDKVersion ?? AUTOMATION_SDK_VERSION_FALLBACK, mode: host.mode }
    },
    'App.getPageStack': () => ({
      pageStack: runtime.getCurrentPages().map((page) => describePage(page)),
    }),
    'App.getCurrentPage': () => {
      const pages = runtime.getCurrentPages()
      const top = pages[pages.length - 1]
      if (!top) throw new AutomationError('App.getCurrentPage: no page is open')
      return describePage(top)
    },
    'App.callWxMethod': async (params) => {
      const method = stringParam(params, 'method', 'App.callWxMethod')
      if (params.pluginId !== undefined) {
        throw new AutomationError('App.callWxMethod: plugins (pluginId) are not supported')
      }
      return { result: toJsonSafe(await callWxMethod(wx, method, argsOf(params))) }
    },
    'App.mockWxMethod': (params) => {
      const method = stringParam(params, 'method', 'App.mockWxMethod')
      if (params.pluginId !== undefined) {
        throw new AutomationError('App.mockWxMethod: plugins (pluginId) are not supported')
      }
      const functionDeclaration = params.functionDeclaration
      mocks.apply({
        method,
        hasResult: 'result' in params,
        result: params.result,
        functionDeclaration:
          typeof functionDeclaration === 'string' ? functionDeclaration : undefined,
        args: argsOf(params),
      })
      return {}
    },
    'App.callFunction': async (params) => {
      const fn = compileFunction(stringParam(params, 'functionDeclaration', 'App.callFunction'))
      let result = fn(...argsOf(params))
      if (isThenable(result)) result = await result
      return { result: toJsonSafe(result) }
    },
    'App.enableLog': () => {
      logEnabled = true
      return {}
    },
    'App.addBinding': (params) => {
      const name = stringParam(params, 'name', 'App.addBinding')
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
        throw new AutomationError(`App.addBinding: ${JSON.stringify(name)} is not an identifier`)
      }
      bindings.add(name)
      // A global of the logic context, as WeChat's exposeFunction makes it.
      ;(globalThis as Record<string, unknown>)[name] = (...args: unknown[]) =>
        host.emit({ method: 'App.bindingCalled', params: { name, args: toJsonSafe(args) } })
      return {}
    },
    'App.exit': () => ({}),
    'Page.getElement': (params) => {
      const root = pageOf(params, 'Page.getElement')._$.getShadowRoot()
      return first(root ? query(root, params, 'Page.getElement') : [], params, 'Page.getElement')
    },
    'Page.getElements': (params) => {
      const root = pageOf(params, 'Page.getElements')._$.getShadowRoot()
      const found = root ? query(root, params, 'Page.getElements') : []
      return { elements: found.map(describeElement) }
    },
    'Page.getElementByXpath': (params) => {
      const root = pageOf(params, 'Page.getElementByXpath')._$.getShadowRoot()
      const found = root ? query(root, params, 'Page.getElementByXpath') : []
      return first(found, params, 'Page.getElementByXpath')
    },
    'Page.getElementsByXpath': (params) => {
      const root = pageOf(params, 'Page.getElementsByXpath')._$.getShadowRoot()
      const found = root ? query(root, params, 'Page.getElementsByXpath') : []
      return { elements: found.map(describeElement) }
    },
    'Page.getData': (params) => {
      const data = pageOf(params, 'Page.getData')._$.data
      const path = typeof params.path === 'string' ? params.path : undefined
      return { data: toJsonSafe(path ? valueAtPath(data, path) : data) }
    },
    'Page.setData': (params) => {
      const page = pageOf(params, 'Page.setData')
      ;(page.setData as (data: unknown) => void)(params.data)
      return {}
    },
    'Page.callMethod': (params) => {
      const method = stringParam(params, 'method', 'Page.callMethod')
      return callAndAwait(
        pageOf(params, 'Page.callMethod'),
        method,
        argsOf(params),
        'Page.callMethod',
      )
    },
    'Page.getWindowProperties': (params) => ({
      properties: needsView('Page.getWindowProperties').windowProperties(
        namesParam(params, 'Page.getWindowProperties'),
      ),
    }),
    'Element.getElement': (params) => {
      const scope = scopeOf(elementOf(params, 'Element.getElement'))
      return first(query(scope, params, 'Element.getElement'), params, 'Element.getElement')
    },
    'Element.getElements': (params) => {
      const scope = scopeOf(elementOf(params, 'Element.getElements'))
      return { elements: query(scope, params, 'Element.getElements').map(describeElement) }
    },
    'Element.getWXML': (params) => {
      const element = elementOf(params, 'Element.getWXML')
      return { wxml: params.type === 'outer' ? outerWxml(element) : innerWxml(element) }
    },
    'Element.getAttributes': (params) => {
      const element = elementOf(params, 'Element.getAttributes')
      return {
        attributes: namesParam(params, 'Element.getAttributes').map((name) => {
          const value = attributeOf(element, name)
          if (value === undefined || value === null) return null
          // As a DOM attribute reads: text, whatever type the WXML expression gave.
          return typeof value === 'object' ? toJsonSafe(value) : String(value)
        }),
      }
    },
    'Element.getProperties': (params) => {
      const element = elementOf(params, 'Element.getProperties')
      const component = element.asGeneralComponent()
      const names = namesParam(params, 'Element.getProperties')
      const propertiesOf = (name: string): unknown => {
        if (name === '__propPublic') {
          const publicNames = component
            ? glassEasel.Component.listProperties(component)
            : element.attributes.map((attribute) => attribute.name)
          return Object.fromEntries(publicNames.map((publicName) => [publicName, true]))
        }
        if (component) return (component.data as Record<string, unknown>)[name]
        return element.getAttribute(name)
      }
      return { properties: names.map((name) => toJsonSafe(propertiesOf(name)) ?? null) }
    },
    'Element.getDOMProperties': (params) => {
      const element = elementOf(params, 'Element.getDOMProperties')
      const names = namesParam(params, 'Element.getDOMProperties')
      if (host.view) return { properties: host.view.domProperties(element, names) }
      return {
        properties: names.map((name) => {
          if (name === 'innerText' || name === 'textContent') return textOf(element)
          if (name === 'tagName') return tagNameOf(element).toUpperCase()
          if (name === 'id') return element.id
          if (name === 'className') return element.class
          return needsView(`Element.getDOMProperties(${name})`)
        }),
      }
    },
    'Element.getStyles': (params) => ({
      styles: needsView('Element.getStyles').styles(
        elementOf(params, 'Element.getStyles'),
        namesParam(params, 'Element.getStyles'),
      ),
    }),
    'Element.getOffset': (params) =>
      needsView('Element.getOffset').offset(elementOf(params, 'Element.getOffset')),
    'Element.tap': (params) => {
      const element = elementOf(params, 'Element.tap')
      const touches = touchAt(params)
      trigger(element, 'tap', { x: 0, y: 0 }, { ...touches, touches: [] })
      return {}
    },
    'Element.longpress': (params) => {
      const element = elementOf(params, 'Element.longpress')
      trigger(element, 'longpress', { x: 0, y: 0 }, touchAt(params))
      return {}
    },
    'Element.touchstart': (params) => {
      const element = elementOf(params, 'Element.touchstart')
      touchStarted.set(element, Date.now())
      trigger(element, 'touchstart', {}, touchAt(params))
      return {}
    },
    'Element.touchmove': (params) => {
      trigger(elementOf(params, 'Element.touchmove'), 'touchmove', {}, touchAt(params))
      return {}
    },
    'Element.touchend': (params) => {
      const element = elementOf(params, 'Element.touchend')
      const touches = touchAt(params)
      trigger(element, 'touchend', {}, { ...touches, touches: [] })
      const started = touchStarted.get(element)
      touchStarted.delete(element)
      // A touch held long enough is a long press, as on a phone; a short one is a tap.
      if (started !== undefined) {
        const held = Date.now() - started
        if (held >= HOLD_FOR_LONGPRESS_MS) {
          trigger(element, 'longpress', { x: 0, y: 0 }, touches)
          trigger(element, 'longtap', { x: 0, y: 0 }, touches)
        } else {
          trigger(element, 'tap', { x: 0, y: 0 }, { ...touches, touches: [] })
        }
      }
      return {}
    },
    'Element.triggerEvent': (params) => {
      const element = elementOf(params, 'Element.triggerEvent')
      const type = stringParam(params, 'type', 'Element.triggerEvent')
      glassEasel.Event.triggerEvent(element, type, params.detail ?? {}, {})
      return {}
    },
    'Element.getData': (params) => {
      const data = componentOf(params, 'Element.getData').data
      const path = typeof params.path === 'string' ? params.path : undefined
      return { data: toJsonSafe(path ? valueAtPath(data, path) : data) }
    },
    'Element.setData': (params) => {
      componentOf(params, 'Element.setData').setData(params.data as Record<string, unknown>)
      return {}
    },
    'Element.callMethod': (params) => {
      const method = stringParam(params, 'method', 'Element.callMethod')
      const caller = componentOf(
        params,
        'Element.callMethod',
      ).getMethodCaller() as unknown as Record<string, unknown>
      return callAndAwait(caller, method, argsOf(params), 'Element.callMethod')
    },
    'Element.callFunction': (params) => {
      const element = elementOf(params, 'Element.callFunction')
      const name = stringParam(params, 'functionName', 'Element.callFunction')
      const [value] = argsOf(params)
      const change = (property: string, eventName: string, detail: Record<string, unknown>) => {
        const component = element.asGeneralComponent()
        if (component && glassEasel.Component.hasProperty(component, property)) {
          component.setData({ [property]: detail.value ?? detail.current })
        } else {
          element.asNativeNode()?.setAttribute(property, detail.value ?? detail.current)
        }
        glassEasel.Event.triggerEvent(element, eventName, detail, {})
      }
      switch (name) {
        case 'input.input':
        case 'textarea.input': {
          const text = String(value ?? '')
          change('value', 'input', { value: text, cursor: text.length, keyCode: 0 })
          return {}
        }
        case 'slider.slideTo':
          change('value', 'change', { value })
          return {}
        case 'swiper.swipeTo':
          change('current', 'change', { current: value, source: 'touch' })
          return {}
        case 'switch.tap': {
          const checked = !attributeOf(element, 'checked')
          change('checked', 'change', { value: checked })
          return {}
        }
        default:
          throw new AutomationError(`Element.callFunction: ${name} is not supported by MP DevTools`)
      }
    },
    'Element.callContextMethod': (params) => {
      const element = elementOf(params, 'Element.callContextMethod')
      throw new AutomationError(
        `Element.callContextMethod: <${tagNameOf(element)}> has no context in MP DevTools ` +
          `(${String(params.method)})`,
      )
    },
  }

  return {
    async handle(command) {
      const handler = handlers[command.method]
      try {
        if (!handler) {
          throw new AutomationError(`${command.method} is not supported by MP DevTools`)
        }
        const result = await handler(command.params)
        return { id: command.id, result: result ?? {} }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        return { id: command.id, error: { message } }
      }
    },
    console(level, args) {
      if (!logEnabled) return
      host.emit({ method: 'App.logAdded', params: { type: level, args: toJsonSafe(args) } })
    },
    exception(error) {
      host.emit({
        method: 'App.exceptionThrown',
        params: { exceptionDetails: { text: error.message, stack: error.stack }, ...error },
      })
    },
    dispose() {
      mocks.restoreAll()
      for (const name of bindings) delete (globalThis as Record<string, unknown>)[name]
      bindings.clear()
    },
  }
}

/** The simulator's built-in components (`wx-builtin/<tag>`) are plain elements to the client. */
function isBuiltin(component: glassEasel.GeneralComponent): boolean {
  return component.is.startsWith('wx-builtin/')
}
