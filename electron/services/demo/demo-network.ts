/**
 * Runs the demo API server exactly while the demo project is the one open, for hosts that switch
 * projects (the workbench) or run one (`mpdt run`). Each host asks `settingsFor(dir)` when it
 * configures a project's engine and adds what it gets to the project's own host mappings and CAs.
 */
import { startDemoServer, type DemoServer } from './demo-server'
import { isDemoProject, type DemoLocation } from './demo-project'

/** The data folder (the demo CA and the user's copy of the demo) and the package root. */
export type DemoNetworkOptions = DemoLocation

/** What a project's engine adds to its own settings: nothing unless it is the demo. */
export interface DemoEngineSettings {
  connectTo: string[]
  /** The demo CA (PEM), absent for other projects. */
  extraCaPem?: string
  /** The same CA as a file, for hosts that take CA files. */
  caFile?: string
}

export interface DemoNetwork {
  /** Starts the server for the demo (once) and stops it for any other project. */
  settingsFor(dir: string): Promise<DemoEngineSettings>
  /** The running server, if the demo is open. */
  server(): DemoServer | undefined
  close(): Promise<void>
}

export function createDemoNetwork(options: DemoNetworkOptions): DemoNetwork {
  let starting: Promise<DemoServer> | undefined
  let running: DemoServer | undefined

  async function stop(): Promise<void> {
    const pending = starting
    starting = undefined
    running = undefined
    if (pending)
      await pending.then(
        (server) => server.close(),
        () => undefined,
      )
  }

  function start(): Promise<DemoServer> {
    const pending = startDemoServer({ dataDir: options.dataDir })
    // A failed start is reported to its caller; the next call tries again.
    pending.catch(() => {
      if (starting === pending) starting = undefined
    })
    return pending
  }

  // Folders are told apart in the order they were asked for, so the last project asked for wins.
  let recognising: Promise<unknown> = Promise.resolve()

  return {
    async settingsFor(dir) {
      const isDemo = recognising.then(() => isDemoProject(dir, options))
      recognising = isDemo.catch(() => undefined)
      if (!(await isDemo)) {
        await stop()
        return { connectTo: [] }
      }
      const pending = (starting ??= start())
      const server = await pending
      // Another project was opened while this one started: the server is already stopped.
      if (starting !== pending) return { connectTo: [] }
      running = server
      return { connectTo: server.connectTo, extraCaPem: server.caPem, caFile: server.caFile }
    },
    server: () => running,
    close: stop,
  }
}
