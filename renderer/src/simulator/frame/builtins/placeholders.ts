/**
 * Built-ins the simulator cannot run (a camera, live streams, ads): a grey box of WeChat's
 * default size saying so, so pages keep their layout and the developer knows to use a phone.
 * The wording is ours (see docs/simulator-components.md), not copied from WeChat's tool.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin } from './define'

/** The tags drawn as a placeholder, with what the box says. */
export const PLACEHOLDER_MESSAGES: Record<string, string> = {
  camera: '模拟器不支持 camera，请在真机上预览',
  'live-player': '模拟器不支持 live-player，请在真机上预览',
  'live-pusher': '模拟器不支持 live-pusher，请在真机上预览',
  ad: '模拟器不展示广告（ad），请在真机上预览',
}

export function definePlaceholders(space: glassEasel.ComponentSpace): void {
  for (const [tag, message] of Object.entries(PLACEHOLDER_MESSAGES)) {
    defineBuiltin(space, tag, {
      properties: { unitId: { type: String, value: '' }, src: { type: String, value: '' } },
      render({ host, appendSlot }) {
        host.setAttribute('role', 'note')
        host.setAttribute('wx-placeholder', message)
        host.setAttribute('aria-label', message)
        appendSlot()
        return () => undefined
      },
    })
  }
}
