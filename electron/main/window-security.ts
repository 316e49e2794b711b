/**
 * The hardening of every window and web contents (Electron's security checklist): isolated,
 * sandboxed renderers without Node, no new windows, no navigation away from the workbench, no
 * <webview>. Plain functions over structural types, so tests check them without Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron'

export function workbenchWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Shown on ready-to-show, so the window never flashes blank.
    show: false,
    title: 'MP DevTools',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  }
}

interface PreventableEvent {
  preventDefault(): void
}

/** What lockDownWebContents uses of Electron's WebContents. */
export interface WebContentsLike {
  setWindowOpenHandler(handler: () => { action: 'deny' }): void
  on(event: 'will-navigate', listener: (event: PreventableEvent) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
}

export function lockDownWebContents(contents: WebContentsLike): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
