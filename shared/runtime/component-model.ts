/**
 * The component methods glass-easel's adapter leaves to the base library, given to every page and
 * component through the code space's overall behavior (a definition's own method of the same name
 * wins): `createSelectorQuery`, `createIntersectionObserver`, `animate`, `clearAnimation`; the
 * `wx.` forms of the first two, scoped to the top page; and the WXS event API's hook.
 */
import type { CodeSpace } from 'glass-easel-miniprogram-adapter'
import type * as glassEasel from 'glass-easel'
import { animate, clearAnimation } from './component-animation'
import {
  createIntersectionObserverFor,
  IntersectionObserver,
  type IntersectionOptions,
} from './intersection-observer'
import { componentOf, type LayoutHost } from './layout-host'
import { SelectorQuery } from './selector-query'
import { installWxsHook } from './wxs-instance'

export interface ComponentModelWx {
  createSelectorQuery(): SelectorQuery
  createIntersectionObserver(
    component?: unknown,
    options?: IntersectionOptions,
  ): IntersectionObserver
}

/** Must run before any page or component is registered in `codeSpace`. */
export function installComponentModel(codeSpace: CodeSpace, host: LayoutHost): ComponentModelWx {
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
      callback?: () => void,
    ) {
      animate(host, self(this), selector, keyframes, duration, callback)
    },
    clearAnimation(this: unknown, selector: string, options?: unknown, callback?: () => void) {
      clearAnimation(host, self(this), selector, options, callback)
    },
  }
  installWxsHook(codeSpace.getComponentSpace())
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
