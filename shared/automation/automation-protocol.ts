/**
 * The messages of WeChat's automation protocol as the `miniprogram-automator` client speaks them
 * over its WebSocket: a command `{ id, method, params }`, its answer `{ id, result }` or
 * `{ id, error: { message } }`, and events `{ method, params }` without an id.
 */
export interface AutomationCommand {
  id: string
  method: string
  params: Record<string, unknown>
}

export type AutomationReply =
  { id: string; result: unknown } | { id: string; error: { message: string } }

export interface AutomationEvent {
  method: 'App.logAdded' | 'App.exceptionThrown' | 'App.bindingCalled'
  params: unknown
}

/** A failure the client sees as `error.message` (it rejects the call with that message). */
export class AutomationError extends Error {}

/** Parses one text frame into a command; `undefined` when it is not one. */
export function parseAutomationCommand(text: string): AutomationCommand | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const { id, method, params } = value as Record<string, unknown>
  if (typeof id !== 'string' || typeof method !== 'string') return undefined
  const plainParams =
    typeof params === 'object' && params !== null && !Array.isArray(params)
      ? (params as Record<string, unknown>)
      : {}
  return { id, method, params: plainParams }
}
