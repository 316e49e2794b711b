/**
 * `wx.onNetworkStatusChange` / `wx.offNetworkStatusChange` and `wx.onNetworkWeakChange` /
 * `wx.offNetworkWeakChange`: told when the host's simulated network changes (the simulator's
 * 网络 menu). Status listeners get `{ isConnected, networkType }` when the type changes; weak
 * listeners get `{ weakNet, networkType }` when the network becomes weak or stops being weak
 * (weak here: `2g`, the 低速 3G/Slow 3G profile).
 */
import type { ErrorSink } from './guarded-call'
import { ListenerList } from './listener-list'
import type { NativePort, NetworkType } from './native-port'

const isWeak = (type: NetworkType) => type === '2g'

export class NetworkStatusListeners {
  private readonly status = new ListenerList()
  private readonly weak = new ListenerList()
  private last: NetworkType
  private readonly unsubscribe: (() => void) | undefined

  constructor(
    private readonly port: NativePort,
    private readonly sink: ErrorSink,
  ) {
    this.last = port.networkType()
    this.unsubscribe = port.onNetworkTypeChange?.(() => this.changed())
  }

  get wx(): Record<string, unknown> {
    return {
      onNetworkStatusChange: (listener: unknown) => this.status.add(listener),
      offNetworkStatusChange: (listener?: unknown) => this.status.remove(listener),
      onNetworkWeakChange: (listener: unknown) => this.weak.add(listener),
      offNetworkWeakChange: (listener?: unknown) => this.weak.remove(listener),
    }
  }

  dispose(): void {
    this.unsubscribe?.()
  }

  private changed(): void {
    const before = this.last
    const networkType = this.port.networkType()
    if (networkType === before) return
    this.last = networkType
    if (!this.status.empty) {
      this.status.emit(this.sink, { isConnected: networkType !== 'none', networkType })
    }
    if (isWeak(networkType) !== isWeak(before) && !this.weak.empty) {
      this.weak.emit(this.sink, { weakNet: isWeak(networkType), networkType })
    }
  }
}
