/**
 * The component methods glass-easel's adapter leaves to the base library, given to every page and
 * component through the code space's overall behavior (a definition's own method of the same name
 * wins): `createSelectorQuery`, `createIntersectionObserver`, `animate`, `clearAnimation`; the
 * `wx.` forms of the first two, scoped to the top page; and the compiled templates' handler calls
 * (`template-handlers.ts`). Every page and component instance also answers `this.renderer` as
 * WeChat's base library does.
 */
import { component, type CodeSpace } from 'glass-easel-miniprogram-adapter'
import type * as glassEasel from 'glass-easel'
import { animate, clearAnimation, type ScrollTimeline } from './component-animation'
import {
  createIntersectionObserverFor,
  IntersectionObserver,
  type IntersectionOptions,
} from './intersection-observer'
import { componentOf, type LayoutHost } from './layout-host'
import { SelectorQuery } from './selector-query'
import { installTemplateHandlers } from './template-handlers'

export interface ComponentModelWx {
  createSelectorQuery(): SelectorQuery
  createIntersectionObserver(
    component?: unknown,
    options?: IntersectionOptions,
  ): IntersectionObserver
}

/**
 * The rendering backend every instance reports as `this.renderer`: pages here are drawn with
 * WebView layout, Skyline pages included. Libraries choose their template by it (weui's
 * `mp-slideview` copies it into its data in `created` and renders nothing for any other value).
 */
export const RENDERER = 'webview'

/** Must run before any page or component is registered in `codeSpace`. */
export function installComponentModel(codeSpace: CodeSpace, host: LayoutHost): ComponentModelWx {
  Object.defineProperty(component.ComponentCaller.prototype, 'renderer', {
    configurable: true,
    get: () => RENDERER,
  })
  const self = (caller: unknown): glassEasel.GeneralComponent => {
    const component = componentOf(caller)
    if (!component) throw new Error('a component method was called without its component')
    return component
  }
  const methods = {
    createSelectorQuery(this: unknown) {
      return new SelectorQuery(host, self(this))
    },
    createIntersectionObserver(this: unknown, options?: IntersectionOptions) {
      return new IntersectionObserver(host, self(this), options)
    },
    animate(
      this: unknown,
      selector: string,
      keyframes: [],
      duration: number,
      callbackOrTimeline?: (() => void) | ScrollTimeline,
    ) {
      animate(host, self(this), selector, keyframes, duration, callbackOrTimeline)
    },
    clearAnimation(this: unknown, selector: string, options?: unknown, callback?: () => void) {
      clearAnimation(host, self(this), selector, options, callback)
    },
  }
  installTemplateHandlers(codeSpace.getComponentSpace())
  const behavior = codeSpace
    .behavior()
    .definition({ methods } as never)
    .register()
  codeSpace.setOverallBehavior((behavior as unknown as { _$: glassEasel.GeneralBehavior })._$)
  return {
    createSelectorQuery: () => new SelectorQuery(host),
    createIntersectionObserver: (component, options) =>
      createIntersectionObserverFor(host, component, options),
  }
}
