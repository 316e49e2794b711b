import type { NetworkEvent, ToolConsoleMessage } from '../../../../shared/network'
import { phoneWarningLine, type PhoneFinding } from '../policy/wechat-messages'
import type { Refusal } from './request-run'

export interface PhoneWarningsHost {
  print(messages: ToolConsoleMessage[]): void
  emit(event: NetworkEvent): void
  /** True when someone listens to events. */
  observed(): boolean
}

/**
 * What the engine says while the checks are off and a request breaks a rule a phone applies: a
 * `phone-warning` event for that request (each time), and one console line per origin, rule and
 * API (the first time), so a busy page does not flood the console.
 */
export class PhoneWarnings {
  private readonly printed = new Set<string>()

  constructor(private readonly host: PhoneWarningsHost) {}

  /** `api` names what the phone refuses (`request`, `uploadFile`, `connectSocket`…). */
  report(
    id: string,
    url: string,
    api: string,
    origin: string,
    refusal: Refusal,
    finding: PhoneFinding,
  ): void {
    const { host } = this
    if (host.observed()) {
      const { rule, errMsg } = refusal
      host.emit({ type: 'phone-warning', id, rule, errMsg, url, time: Date.now() })
    }
    const key = `${api} ${refusal.rule} ${origin}`
    if (this.printed.has(key)) return
    this.printed.add(key)
    host.print([phoneWarningLine(origin, finding, refusal.errMsg)])
  }

  /** The project's settings changed: each warning is worth printing once more. */
  reset(): void {
    this.printed.clear()
  }
}
