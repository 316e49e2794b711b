/**
 * The automation channel's way into the workbench (`mpdt auto --web`): a command goes to the
 * workbench as the contract event `automation.command`, the workbench hands it to the simulator's
 * frame, and the frame's answer comes back through the contract method `automation.answer`. An
 * answer is taken only for a command still waiting; an event only when it is one the protocol
 * defines. Commands without an answer in time get an error, never silence.
 */
import type { ContractEvents, EventName, MethodParams } from '../../../shared/contract'
import type {
  AutomationCommand,
  AutomationEvent,
  AutomationReply,
} from '../../../shared/automation/automation-protocol'
import { ok, type Result } from '../../../shared/result'

const EVENT_METHODS = new Set(['App.logAdded', 'App.exceptionThrown', 'App.bindingCalled'])

export interface AutomationRelay {
  methods: {
    'automation.answer': (params: MethodParams<'automation.answer'>) => Promise<Result<null>>
  }
  /** Sends `command` to the simulator; an error answer after `timeoutMs` without one. */
  send(command: AutomationCommand, timeoutMs: number): Promise<AutomationReply>
  onEvent(listener: (event: AutomationEvent) => void): () => void
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function createAutomationRelay(
  emit: <E extends EventName>(event: E, payload: ContractEvents[E]) => void,
): AutomationRelay {
  const waiting = new Map<string, (reply: AutomationReply) => void>()
  const listeners = new Set<(event: AutomationEvent) => void>()

  // The envelope passed the contract's check (contract-params.ts); the fields inside come from
  // the mini-program's frame and are read as untrusted.
  const answer = async (params: MethodParams<'automation.answer'>): Promise<Result<null>> => {
    const message = params.message as unknown as Record<string, unknown>
    if (typeof message.id === 'string') {
      const settle = waiting.get(message.id)
      const error = isRecord(message.error) ? String(message.error.message) : undefined
      if (settle) {
        settle(
          error !== undefined
            ? { id: message.id, error: { message: error } }
            : { id: message.id, result: message.result ?? {} },
        )
      }
      return ok(null)
    }
    if (typeof message.method === 'string' && EVENT_METHODS.has(message.method)) {
      const event = { method: message.method, params: message.params } as AutomationEvent
      for (const listener of listeners) listener(event)
    }
    return ok(null)
  }

  return {
    methods: { 'automation.answer': answer },
    send(command, timeoutMs) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(command.id)
          resolve({
            id: command.id,
            error: {
              message: `${command.method}: no answer from the simulator within ${timeoutMs / 1000} s`,
            },
          })
        }, timeoutMs)
        waiting.set(command.id, (reply) => {
          clearTimeout(timer)
          waiting.delete(command.id)
          resolve(reply)
        })
        emit('automation.command', command)
      })
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
