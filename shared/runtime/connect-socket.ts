/**
 * `wx.connectSocket` and its SocketTask, plus the legacy global form (`wx.onSocketOpen`,
 * `wx.sendSocketMessage`, `wx.closeSocket`, …) that acts on the most recent socket. The base
 * library's checks and errMsgs (docs/wechat-behaviour.md §4.3); the engine does the rest through
 * the port. A socket counts as pending work until it closes, so `mpdt run` waits for it.
 */
import type { SocketData } from '../network'
import { apiFailure, isPlainObject, parameterError, type ApiFailure } from './api-result'
import type { ApiOutcome, LaterInvoker } from './async-api'
import { optionsOf } from './async-api'
import { callGuarded } from './guarded-call'
import { ListenerList } from './listener-list'
import type { OpenTask, TaskApiHost } from './task-core'
import { ERRNO, FAIL_WORDS } from '../wechat-errors'
import { stringifyHeaderValue } from './request-options'
import { toArrayBuffer } from './request-result'

export interface SocketApiHost extends TaskApiHost {
  invokeLater: LaterInvoker
}

export interface SocketApi {
  wx: Record<string, unknown>
}

const CONNECTING = 0
const OPEN = 1
const CLOSING = 2
const CLOSED = 3

interface SocketTask {
  readonly readyState: number
  send(options: unknown): Promise<unknown> | undefined
  close(options: unknown): Promise<unknown> | undefined
  onOpen(listener: unknown): void
  onClose(listener: unknown): void
  onError(listener: unknown): void
  onMessage(listener: unknown): void
}

/** The data of `send`: a string or an ArrayBuffer (a typed array's bytes are accepted too). */
function socketData(value: unknown): SocketData | undefined {
  if (typeof value === 'string') return value
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0))
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength))
  }
  return undefined
}

export function createSocketApi(host: SocketApiHost): SocketApi {
  const { port, pending, sink, defer, invokeLater } = host
  const legacy = {
    open: new ListenerList(),
    message: new ListenerList(),
    error: new ListenerList(),
    close: new ListenerList(),
  }
  let latest: { task?: SocketTask; socket?: OpenTask } | undefined

  function connectSocket(options: unknown): SocketTask {
    const opts = optionsOf(options)
    const listeners = {
      open: new ListenerList(),
      message: new ListenerList(),
      error: new ListenerList(),
      close: new ListenerList(),
    }
    let readyState = CONNECTING
    const entry: { task?: SocketTask; socket?: OpenTask } = {}
    /** Events go to the task and, while it is the latest socket, to the legacy listeners. */
    const emit = (kind: keyof typeof listeners, payload: unknown) => {
      listeners[kind].emit(sink, payload)
      if (latest === entry) legacy[kind].emit(sink, payload)
    }

    const operate = (
      api: 'SocketTask.send' | 'SocketTask.close',
      callOptions: unknown,
      act: (o: Record<string, unknown>) => ApiOutcome,
    ) => invokeLater(api, callOptions, (o, settle) => defer(() => settle(act(o))))

    const task: SocketTask = {
      get readyState() {
        return readyState
      },
      send: (sendOptions) =>
        operate('SocketTask.send', sendOptions, (o) => {
          const data = socketData(o.data)
          if (data === undefined) {
            return {
              ok: false,
              failure: parameterError('SocketTask.send', 'data', 'String/ArrayBuffer', o.data),
            }
          }
          const refused = entry.socket
            ? entry.socket.operate({ name: 'send', data })
            : FAIL_WORDS.socketNotOpen
          return refused
            ? { ok: false, failure: apiFailure('SocketTask.send', refused) }
            : { ok: true }
        }),
      close: (closeOptions) =>
        operate('SocketTask.close', closeOptions, (o) => {
          const code = typeof o.code === 'number' ? o.code : 1000
          const reason = typeof o.reason === 'string' ? o.reason : ''
          const refused = entry.socket
            ? entry.socket.operate({ name: 'close', code, reason })
            : FAIL_WORDS.socketNotOpen
          if (refused) return { ok: false, failure: apiFailure('SocketTask.close', refused) }
          readyState = CLOSING
          return { ok: true }
        }),
      onOpen: (listener) => listeners.open.add(listener),
      onClose: (listener) => listeners.close.add(listener),
      onError: (listener) => listeners.error.add(listener),
      onMessage: (listener) => listeners.message.add(listener),
    }
    entry.task = task
    latest = entry

    const settleCall = (failure?: ApiFailure) => {
      const result = failure ?? { errMsg: 'connectSocket:ok' }
      callGuarded(sink, failure ? opts.fail : opts.success, undefined, [result])
      callGuarded(sink, opts.complete, undefined, [result])
    }
    const failEarly = (failure: ApiFailure) => {
      readyState = CLOSED
      defer(() => {
        settleCall(failure)
        emit('error', { errMsg: failure.errMsg.replace(/^connectSocket:fail ?/, '') })
      })
      return task
    }

    if (typeof opts.url !== 'string') {
      return failEarly(parameterError('connectSocket', 'url', 'String', opts.url))
    }
    if (!/^wss?:\/\/.+/i.test(opts.url)) {
      return failEarly(
        apiFailure('connectSocket', FAIL_WORDS.invalidUrl(opts.url), ERRNO.invalidUrl),
      )
    }
    if (opts.header !== undefined && !isPlainObject(opts.header)) {
      port.console('warn', ['connectSocket: header must be an object'], 'baselib')
    }
    const header = isPlainObject(opts.header)
      ? Object.fromEntries(
          Object.keys(opts.header).map((key) => [
            key,
            stringifyHeaderValue((opts.header as Record<string, unknown>)[key]),
          ]),
        )
      : {}
    const protocols = Array.isArray(opts.protocols)
      ? opts.protocols.filter((p): p is string => typeof p === 'string')
      : undefined
    const end = pending.begin()
    const closed = () => {
      readyState = CLOSED
      end()
    }
    const page = host.currentPage()
    const socket = host.tasks.start(
      {
        api: 'connectSocket',
        url: opts.url,
        header,
        ...(protocols && { protocols }),
        ...(typeof opts.timeout === 'number' && opts.timeout > 0 && { timeout: opts.timeout }),
        ...(page !== undefined && { page }),
      },
      (event) => {
        switch (event.kind) {
          case 'socket-accepted':
            defer(() => settleCall())
            break
          case 'refused':
            closed()
            failEarly({
              errMsg: event.errMsg,
              ...(event.errno !== undefined && { errno: event.errno }),
            })
            break
          case 'socket-open':
            defer(() => {
              if (readyState === CONNECTING) readyState = OPEN
              emit('open', { header: { ...event.header } })
            })
            break
          case 'socket-message': {
            const { data } = event
            defer(() =>
              emit('message', { data: typeof data === 'string' ? data : toArrayBuffer(data) }),
            )
            break
          }
          case 'socket-error':
            defer(() => emit('error', { errMsg: event.errMsg }))
            break
          case 'socket-close':
            defer(() => {
              closed()
              emit('close', { code: event.code, reason: event.reason })
            })
            break
        }
      },
    )
    if (!socket) {
      end()
      return failEarly(apiFailure('connectSocket', FAIL_WORDS.notSupported))
    }
    entry.socket = socket
    return task
  }

  const legacyOperate = (
    api: 'sendSocketMessage' | 'closeSocket',
    options: unknown,
    act: (task: SocketTask, o: Record<string, unknown>) => ApiOutcome,
  ) =>
    invokeLater(api, options, (o, settle) =>
      defer(() => {
        const task = latest?.task
        if (!task || task.readyState !== OPEN) {
          settle({ ok: false, failure: apiFailure(api, FAIL_WORDS.socketNotConnected) })
          return
        }
        settle(act(task, o))
      }),
    )

  return {
    wx: {
      connectSocket,
      onSocketOpen: (listener: unknown) => legacy.open.add(listener),
      onSocketMessage: (listener: unknown) => legacy.message.add(listener),
      onSocketError: (listener: unknown) => legacy.error.add(listener),
      onSocketClose: (listener: unknown) => legacy.close.add(listener),
      sendSocketMessage: (options: unknown) =>
        legacyOperate('sendSocketMessage', options, (_task, o) => {
          const data = socketData(o.data)
          if (data === undefined) {
            return {
              ok: false,
              failure: parameterError('sendSocketMessage', 'data', 'String/ArrayBuffer', o.data),
            }
          }
          const refused = latest?.socket?.operate({ name: 'send', data })
          return refused
            ? { ok: false, failure: apiFailure('sendSocketMessage', refused) }
            : { ok: true }
        }),
      closeSocket: (options: unknown) =>
        legacyOperate('closeSocket', options, (_task, o) => {
          const code = typeof o.code === 'number' ? o.code : 1000
          const reason = typeof o.reason === 'string' ? o.reason : ''
          const refused = latest?.socket?.operate({ name: 'close', code, reason })
          return refused ? { ok: false, failure: apiFailure('closeSocket', refused) } : { ok: true }
        }),
    },
  }
}
