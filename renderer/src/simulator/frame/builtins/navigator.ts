/**
 * `<navigator>`: a tap navigates by `open-type` through the runtime's `wx` navigation (relative
 * URLs resolve from the current page there). The host is a link for assistive technology.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, type Data } from './define'
import { registerHover } from './hover'

export type NavigationApi = 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'

/** How the frame navigates: the runtime's `wx[api](options)`. */
export type Navigate = (api: NavigationApi, options: { url?: string; delta?: number }) => void

const API_OF_OPEN_TYPE: Record<string, NavigationApi> = {
  navigate: 'navigateTo',
  redirect: 'redirectTo',
  switchTab: 'switchTab',
  reLaunch: 'reLaunch',
  navigateBack: 'navigateBack',
}

export function defineNavigator(space: glassEasel.ComponentSpace, navigate: Navigate): void {
  defineBuiltin(space, 'navigator', {
    properties: {
      url: { type: String, value: '' },
      openType: { type: String, value: 'navigate' },
      delta: { type: Number, value: 1 },
      target: { type: String, value: 'self' },
      // target="miniProgram": opening another mini-program, which the simulator cannot.
      appId: { type: String, value: '' },
      path: { type: String, value: '' },
      extraData: { type: Object, value: {} },
      version: { type: String, value: 'release' },
      shortLink: { type: String, value: '' },
      hoverClass: { type: String, value: 'navigator-hover' },
      hoverStartTime: { type: Number, value: 50 },
      hoverStayTime: { type: Number, value: 600 },
      hoverStopPropagation: { type: Boolean, value: false },
    },
    render({ component, host, data, appendSlot }) {
      host.setAttribute('role', 'link')
      host.tabIndex = 0
      appendSlot()
      const go = () => {
        const d = data()
        const api = API_OF_OPEN_TYPE[String(d.openType)]
        if (!api) return
        if (api === 'navigateBack') navigate(api, { delta: Number(d.delta) || 1 })
        else navigate(api, { url: String(d.url) })
      }
      component.addListener('tap', go)
      host.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') go()
      })
      registerHover(component, () => {
        const d = data()
        if (!d.hoverClass || d.hoverClass === 'none') return null
        return {
          className: String(d.hoverClass),
          startTime: Number(d.hoverStartTime),
          stayTime: Number(d.hoverStayTime),
          stopPropagation: Boolean(d.hoverStopPropagation),
        }
      })
      return (_d: Data) => {}
    },
  })
}
