/**
 * How the compiled templates call the code a WXML file binds: every event handler and every WXS
 * property observer goes through the object `installTemplateHandlers` puts on the component space
 * as `__mpTemplateHandlers` (the compiler's `wxs-runtime.ts` looks it up there):
 * - `method`: a page or component method bound as a handler (`bindtap="onTap"`), called with
 *   WeChat's plain event object (`wechat-event.ts`) instead of glass-easel's;
 * - `wxsEvent`: a WXS function bound as a handler (`bindtouchmove="{{m.onMove}}"`), called as
 *   `handler(event, ownerInstance)` with `event.instance` the node it is bound on;
 * - `wxsObserver`: a WXS function bound as a property observer (`change:prop="{{m.onChange}}"`),
 *   called as `observer(newValue, oldValue, ownerInstance, instance)`.
 * The instances are the WXS ComponentDescriptors of `wxs-instance.ts`.
 */
import * as glassEasel from 'glass-easel'
import { componentOf } from './layout-host'
import { wechatEventOf } from './wechat-event'
import { descriptorOf } from './wxs-instance'

/** The component space's property the compiled templates read (`wxs-runtime.ts`). */
export const TEMPLATE_HANDLERS_KEY = '__mpTemplateHandlers'

type BoundFunction = (...args: unknown[]) => unknown

type ShadowedEvent = glassEasel.ShadowedEvent<unknown>

export interface TemplateHandlers {
  method(caller: unknown, event: ShadowedEvent, method: BoundFunction): unknown
  wxsEvent(
    owner: glassEasel.GeneralComponent,
    event: ShadowedEvent,
    handler: BoundFunction,
  ): unknown
  wxsObserver(
    observer: BoundFunction,
    newValue: unknown,
    oldValue: unknown,
    owner: glassEasel.GeneralComponent,
    element: glassEasel.Element,
  ): unknown
}

const handlers: TemplateHandlers = {
  method: (caller, event, method) => method.call(caller, wechatEventOf(event)),
  wxsEvent(owner, event, handler) {
    const current = event.currentTarget as unknown
    const bound = componentOf(current) ?? current
    const plain = wechatEventOf(event)
    plain.instance = bound instanceof glassEasel.Element ? descriptorOf(bound) : undefined
    return handler(plain, descriptorOf(owner))
  },
  wxsObserver: (observer, newValue, oldValue, owner, element) =>
    observer(newValue, oldValue, descriptorOf(owner), descriptorOf(element)),
}

/** Must run before the templates of `space` render. */
export function installTemplateHandlers(space: glassEasel.ComponentSpace): void {
  ;(space as unknown as Record<typeof TEMPLATE_HANDLERS_KEY, TemplateHandlers>)[
    TEMPLATE_HANDLERS_KEY
  ] = handlers
}
