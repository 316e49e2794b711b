/**
 * The frame's side of the simulator protocol: it says `wx-bridge:ready`, accepts HostMessages only
 * from its parent window, boots the project on `wx-host:boot` (once: the workbench re-boots with a
 * new iframe), relays `wx-host:task` events to open requests, applies `wx-host:network-type` and
 * `wx-host:theme` (the 浅色/深色 switch), `wx-host:location` (the toolbar's 位置),
 * `wx-host:authorization` (详情's authorization answers) and answers
 * `wx-host:eval` (the Console panel's command line), `wx-host:automation` (`mpdt auto --web`)
 * and `wx-host:call` (a main-process wx API's answer).
 */
import type { EvalResult, FrameMessage } from '../../../../shared/simulator-protocol'
import { evaluateInLogicContext } from './console-eval'
import { createFrameAutomation, type FrameAutomation } from './frame-automation'
import { isHostMessage } from './host-message'
import { startSimulator, type Simulator } from './simulator-app'

/** The window the frame talks to (its parent); `postMessage` with targetOrigin `'*'`. */
export interface ParentWindow {
  postMessage(message: unknown, targetOrigin: string): void
}

export interface FrameHandle {
  /** The running project, once booted. */
  simulator(): Simulator | undefined
}

export function startFrame(win: Window, parent: ParentWindow): FrameHandle {
  // The parent is a different (opaque-origin) document: its origin cannot be named, and it
  // checks `event.source` and the message type itself.
  const post = (message: FrameMessage): void => parent.postMessage(message, '*')
  let simulator: Simulator | undefined
  // Made on the first automation command, so a workbench nobody automates runs none of it.
  let automation: FrameAutomation | undefined

  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== (parent as unknown) || !isHostMessage(event.data)) return
    const message = event.data
    if (message.type === 'wx-host:boot') {
      if (simulator) return
      simulator = startSimulator(win.document, message, post)
      reportUncaught(win, simulator)
    } else if (message.type === 'wx-host:task') {
      simulator?.port.deliverTask(message.taskId, message.event)
    } else if (message.type === 'wx-host:file') {
      simulator?.port.deliverFile(message.callId, message.result)
    } else if (message.type === 'wx-host:call') {
      simulator?.port.deliverCall(message.callId, message.result)
    } else if (message.type === 'wx-host:theme') {
      simulator?.setSystemTheme(message.theme)
    } else if (message.type === 'wx-host:location') {
      simulator?.port.setLocation(message.location)
    } else if (message.type === 'wx-host:authorization') {
      simulator?.port.setAuthorization(message.authSetting)
    } else if (message.type === 'wx-host:eval') {
      const running = simulator
      const { evalId } = message
      const answer = running
        ? evaluateInLogicContext(running.runtime, message.code)
        : Promise.resolve<EvalResult>({
            ok: false,
            error: { message: 'The mini-program is not running', stack: '' },
          })
      void answer.then((result) => post({ type: 'wx-bridge:eval-result', evalId, result }))
    } else if (message.type === 'wx-host:automation') {
      const { command } = message
      if (!simulator) {
        const error = { message: `${command.method}: the mini-program is not running` }
        post({ type: 'wx-bridge:automation', message: { id: command.id, error } })
        return
      }
      automation ??= createFrameAutomation(win, simulator, post)
      void automation
        .handle(command)
        .then((reply) => post({ type: 'wx-bridge:automation', message: reply }))
    } else {
      simulator?.port.setNetworkType(message.networkType)
    }
  })
  post({ type: 'wx-bridge:ready' })
  return { simulator: () => simulator }
}

/** The message and stack of a thrown value, however it was thrown. */
function describeThrown(value: unknown): { message: string; stack: string } {
  if (value instanceof Error) return { message: value.message, stack: value.stack ?? value.message }
  return { message: String(value), stack: String(value) }
}

/**
 * Errors the runtime could not catch (a rejected promise the mini-program left unhandled, an
 * exception in an event listener) go to the workbench like the ones it caught.
 */
function reportUncaught(win: Window, simulator: Simulator): void {
  win.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    simulator.port.reportError(describeThrown(event.reason))
    simulator.runtime.unhandledRejection(event.reason, event.promise)
  })
  win.addEventListener('error', (event: ErrorEvent) => {
    simulator.port.reportError(describeThrown(event.error ?? event.message))
  })
}

/**
 * Makes `parent` (and `frames`/`self`'s `.parent`) read as the frame itself, as in a top-level
 * window, so mini-program code that escapes the runtime's hidden globals through
 * `Function('return this')()` does not find the workbench by that name. `top` cannot be hidden
 * (the platform makes it unforgeable); the real protection is the parent's checks: only this
 * frame's window, only the wx-bridge types, and the main process deciding what to do with them.
 * Configurable, because deleting it cannot bring the real parent back (the platform's accessor is
 * replaced, not shadowed).
 */
export function concealParent(win: Window): void {
  try {
    Object.defineProperty(win, 'parent', { get: () => win, configurable: true })
  } catch {
    // A platform that does not let the property be redefined keeps it; see above.
  }
}
