/**
 * `mpdt run`'s worker threads (`port.startWorker`): the compiled workers bundle in a Node worker
 * thread, given its `parentPort`. A thread that ends without `terminate()` (an uncaught error in
 * it) is reported as killed, so the runtime stops waiting for it.
 */
import { Worker } from 'node:worker_threads'
import type { WorkerThread } from '../../../shared/runtime/native-port'
import type { WorkerThreadEvent } from '../../../shared/runtime/worker-scope'

export function startNodeWorker(
  code: string,
  onEvent: (event: WorkerThreadEvent) => void,
): WorkerThread {
  const thread = new Worker(`(${code})(require('node:worker_threads').parentPort)`, { eval: true })
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
