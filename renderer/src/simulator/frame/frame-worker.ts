/**
 * The simulator's worker threads (`port.startWorker`): the compiled workers bundle in a Web Worker
 * made from a `blob:` URL, the only worker source the frame's CSP allows (`worker-src blob:`). The
 * worker inherits the frame's policy: it may evaluate (its modules) but load no script and open
 * no connection. A failure of the thread itself (its `error` event) is reported as an error.
 */
import type { WorkerThread } from '../../../../shared/runtime/native-port'
import type { WorkerThreadEvent } from '../../../../shared/runtime/worker-scope'

export function startWebWorker(
  code: string,
  onEvent: (event: WorkerThreadEvent) => void,
): WorkerThread {
  const url = URL.createObjectURL(new Blob([`(${code})(self)`], { type: 'text/javascript' }))
  const thread = new Worker(url)
  thread.onmessage = (event: MessageEvent<WorkerThreadEvent>) => onEvent(event.data)
  thread.onerror = (event) => {
    event.preventDefault()
    const message = event.message || 'the worker thread failed to start'
    onEvent({ kind: 'error', error: { message, stack: message } })
  }
  return {
    send: (command) => thread.postMessage(command),
    terminate: () => {
      thread.terminate()
      URL.revokeObjectURL(url)
    },
  }
}
