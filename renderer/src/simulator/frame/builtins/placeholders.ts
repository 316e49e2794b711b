/**
 * Built-ins the simulator cannot run (a camera, live streams, ads): a grey box of WeChat's
 * default size saying so, so pages keep their layout and the developer knows to use a phone.
 * Virtual hosts drawing `<wx-camera>`… (Chromium draws a `<camera>` element itself, as a
 * permission button), with the user's class, style and id.
 * The wording is ours (see docs/simulator-components.md), not copied from WeChat's tool.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, toggleAttribute, type Data, type PropertySpec } from './define'
import { drawnHost } from './progress'

/** The tags drawn as a placeholder, with what the box says. */
export const PLACEHOLDER_MESSAGES: Record<string, string> = {
  camera: '模拟器不支持 camera，请在真机上预览',
  'live-player': '模拟器不支持 live-player，请在真机上预览',
  'live-pusher': '模拟器不支持 live-pusher，请在真机上预览',
  ad: '模拟器不展示广告（ad），请在真机上预览',
}

/** WeChat's attributes of each: taken without a warning, though nothing here runs them. */
const PLACEHOLDER_PROPERTIES: Record<string, Record<string, PropertySpec>> = {
  camera: {
    mode: { type: String, value: 'normal' },
    resolution: { type: String, value: 'medium' },
    devicePosition: { type: String, value: 'back' },
    flash: { type: String, value: 'auto' },
    frameSize: { type: String, value: 'medium' },
  },
  'live-player': {
    src: { type: String, value: '' },
    mode: { type: String, value: 'live' },
    autoplay: { type: Boolean, value: false },
    muted: { type: Boolean, value: false },
    orientation: { type: String, value: 'vertical' },
    objectFit: { type: String, value: 'contain' },
  },
  'live-pusher': {
    url: { type: String, value: '' },
    mode: { type: String, value: 'RTC' },
    autopush: { type: Boolean, value: false },
    muted: { type: Boolean, value: false },
    enableCamera: { type: Boolean, value: true },
    orientation: { type: String, value: 'vertical' },
  },
  ad: {
    unitId: { type: String, value: '' },
    adIntervals: { type: Number, value: 0 },
    adType: { type: String, value: 'banner' },
    adTheme: { type: String, value: 'white' },
  },
}

export function definePlaceholders(space: glassEasel.ComponentSpace): void {
  for (const [tag, message] of Object.entries(PLACEHOLDER_MESSAGES)) {
    defineBuiltin(space, tag, {
      virtualHost: true,
      properties: {
        ...PLACEHOLDER_PROPERTIES[tag],
        style: { type: String, value: '' },
      },
      render(context) {
        const root = drawnHost(context, `wx-${tag}`)
        root.setAttribute('role', 'note')
        root.setAttribute('wx-placeholder', message)
        root.setAttribute('aria-label', message)
        return (d: Data) => {
          root.setAttribute('style', String(d.style))
          toggleAttribute(root, 'hidden', Boolean(d.hidden))
        }
      },
    })
  }
}
