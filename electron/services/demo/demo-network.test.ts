import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createDemoNetwork, type DemoNetwork } from './demo-network'
import { ensureDemoCopy } from './demo-copy'
import { demoProjectDir } from './demo-project'

const APP_ROOT = join(import.meta.dirname, '..', '..', '..')
const DEMO = demoProjectDir(APP_ROOT)

let dataDir: string
let network: DemoNetwork
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mpdt-demo-network-'))
  network = createDemoNetwork({ dataDir, appRoot: APP_ROOT })
})
afterEach(async () => {
  await network.close()
  await rm(dataDir, { recursive: true, force: true })
})

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

describe('createDemoNetwork', () => {
  test('adds nothing for a project that is not the demo, and starts no server', async () => {
    expect(await network.settingsFor(join(dataDir, 'my-project'))).toEqual({ connectTo: [] })
    expect(network.server()).toBeUndefined()
  })

  test('gives the demo its host mappings and CA from a running server', async () => {
    const settings = await network.settingsFor(DEMO)
    const server = network.server()!
    expect(settings).toEqual({
      connectTo: server.connectTo,
      extraCaPem: server.caPem,
      caFile: server.caFile,
    })
    expect(await listening(server.port)).toBe(true)
  })

  test('gives the user’s copy of the demo its host mappings and CA too', async () => {
    const copy = await ensureDemoCopy({ appRoot: APP_ROOT, dataDir })
    const settings = await network.settingsFor(copy)
    expect(settings.connectTo).toEqual(network.server()!.connectTo)
    expect(settings.connectTo).toHaveLength(2)
    expect(await listening(network.server()!.port)).toBe(true)
  })

  test('keeps one server while the demo stays open', async () => {
    const first = await network.settingsFor(DEMO)
    const again = await network.settingsFor(DEMO)
    expect(again.connectTo).toEqual(first.connectTo)
  })

  test('stops the server when another project is opened', async () => {
    await network.settingsFor(DEMO)
    const port = network.server()!.port
    await network.settingsFor(join(dataDir, 'my-project'))
    expect(network.server()).toBeUndefined()
    expect(await listening(port)).toBe(false)
  })

  test('close() stops the server', async () => {
    await network.settingsFor(DEMO)
    const port = network.server()!.port
    await network.close()
    expect(await listening(port)).toBe(false)
  })
})

describe('createDemoNetwork when the server cannot start', () => {
  test('reports the failure and tries again on the next call', async () => {
    const blocked = join(dataDir, 'file-not-folder')
    await writeFile(blocked, '')
    const failing = createDemoNetwork({ dataDir: blocked, appRoot: APP_ROOT })
    await expect(failing.settingsFor(DEMO)).rejects.toThrow()
    await rm(blocked)
    expect((await failing.settingsFor(DEMO)).connectTo).toHaveLength(2)
    await failing.close()
  })
})
