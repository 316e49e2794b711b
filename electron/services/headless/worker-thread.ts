/**
 * `mpdt run`'s worker threads (`port.startWorker`): the compiled workers bundle in a Node worker
 * thread, given its `parentPort`, with Node's own globals taken away first. A thread that ends without `terminate()` (an uncaught error in
 * it) is reported as killed, so the runtime stops waiting for it.
 */
import { Worker } from 'node:worker_threads'
import type { WorkerThread } from '../../../shared/runtime/native-port'
import type { WorkerThreadEvent } from '../../../shared/runtime/worker-scope'

/**
 * What a Node worker thread started from code puts on its global object and WeChat's worker does
 * not have: `require` would reach the file system and the network past the request engine.
 */
const NODE_ONLY_GLOBALS = [
  'require',
  'module',
  'exports',
  '__filename',
  '__dirname',
  'process',
  'fetch',
  'WebSocket',
  'EventSource',
]

export function startNodeWorker(
  code: string,
  onEvent: (event: WorkerThreadEvent) => void,
): WorkerThread {
  const thread = new Worker(
    `const port = require('node:worker_threads').parentPort
for (const name of ${JSON.stringify(NODE_ONLY_GLOBALS)}) delete globalThis[name]
;(${code})(port)`,
    { eval: true },
  )
  let ended = false
  thread.on('message', (event: WorkerThreadEvent) => onEvent(event))
  thread.on('error', (error) =>
    onEvent({
      kind: 'error',
      error: { message: error.message, stack: error.stack ?? error.message },
    }),
  )
  thread.on('exit', () => {
    if (!ended) onEvent({ kind: 'killed' })
    ended = true
  })
  return {
    send: (command) => thread.postMessage(command),
    terminate: () => {
      ended = true
      void thread.terminate()
    },
  }
}
