import { describe, expect, it } from 'vitest'
import {
  lockDownWebContents,
  workbenchWindowOptions,
  type WebContentsLike,
} from './window-security'

describe('workbench window options', () => {
  const { webPreferences, show } = workbenchWindowOptions('/app/out/preload/index.cjs')

  it('isolates the page from the preload (contextIsolation)', () => {
    expect(webPreferences?.contextIsolation).toBe(true)
  })

  it('runs the renderer sandboxed', () => {
    expect(webPreferences?.sandbox).toBe(true)
  })

  it('gives the page no Node, in the main frame or in subframes', () => {
    expect(webPreferences?.nodeIntegration).toBe(false)
    expect(webPreferences?.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on and <webview> off', () => {
    expect(webPreferences?.webSecurity).toBe(true)
    expect(webPreferences?.webviewTag).toBe(false)
  })

  it('loads the bundled preload and stays hidden until ready to show', () => {
    expect(webPreferences?.preload).toBe('/app/out/preload/index.cjs')
    expect(show).toBe(false)
  })
})

describe('web contents lock-down', () => {
  function lockedDown() {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>()
    let openHandler: (() => { action: string }) | undefined
    const contents: WebContentsLike = {
      setWindowOpenHandler: (handler) => void (openHandler = handler),
      on: (event: string, listener: (event: { preventDefault(): void }) => void) =>
        listeners.set(event, listener),
    }
    lockDownWebContents(contents)
    const prevented = (name: string) => {
      let wasPrevented = false
      listeners.get(name)?.({ preventDefault: () => (wasPrevented = true) })
      return wasPrevented
    }
    return { openHandler, prevented }
  }

  it('denies every new window', () => {
    expect(lockedDown().openHandler?.()).toEqual({ action: 'deny' })
  })

  it('prevents navigation away from the workbench', () => {
    expect(lockedDown().prevented('will-navigate')).toBe(true)
  })

  it('prevents attaching a <webview>', () => {
    expect(lockedDown().prevented('will-attach-webview')).toBe(true)
  })
})
