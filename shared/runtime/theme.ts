/**
 * `wx.onThemeChange` / `wx.offThemeChange` and `App.onThemeChange`: told when the host's theme
 * changes (the simulator's 浅色/深色 switch). The host reports the app's theme as
 * `systemInfo().theme`, present only with app.json `darkmode: true` (`appTheme` in
 * shared/theme.ts), so without it nothing is ever called, as in WeChat.
 */
import type { ErrorSink } from './guarded-call'
import { callGuarded } from './guarded-call'
import { ListenerList } from './listener-list'
import type { NativePort } from './native-port'

export class ThemeListeners {
  private readonly listeners = new ListenerList()
  private last: unknown
  private readonly unsubscribe: (() => void) | undefined

  constructor(
    private readonly port: NativePort,
    private readonly sink: ErrorSink,
    private readonly app: () => Record<string, unknown> | undefined,
  ) {
    this.last = port.systemInfo().theme
    this.unsubscribe = port.onThemeChange?.(() => this.changed())
  }

  get wx(): Record<string, unknown> {
    return {
      onThemeChange: (listener: unknown) => this.listeners.add(listener),
      offThemeChange: (listener?: unknown) => this.listeners.remove(listener),
    }
  }

  dispose(): void {
    this.unsubscribe?.()
  }

  private changed(): void {
    const theme = this.port.systemInfo().theme
    if (theme === this.last || (theme !== 'light' && theme !== 'dark')) return
    this.last = theme
    const app = this.app()
    if (app) callGuarded(this.sink, app.onThemeChange, app, [{ theme }])
    this.listeners.emit(this.sink, { theme })
  }
}
