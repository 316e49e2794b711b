import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import {
  fakeMainProcess,
  sampleProject,
  workbenchPlugins,
} from '../../../tests/helpers/fake-main-process'
import { useSimulatorStore } from './simulator-store'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => window.localStorage.clear())
afterEach(() => window.localStorage.clear())

function setup() {
  const main = fakeMainProcess()
  workbenchPlugins(main)
  const simulator = useSimulatorStore()
  simulator.start()
  return { main, simulator }
}

describe('simulator store', () => {
  it('reloads on a saved source, re-opening the page on top with its query', async () => {
    const { main, simulator } = setup()
    simulator.stack = [
      { route: 'pages/index/index', query: {} },
      { route: 'pages/detail/detail', query: { id: '7' } },
    ]
    const before = simulator.generation
    main.emit('project.sourcesChanged', { files: ['pages/detail/detail.wxml'] })
    await flush()
    expect(simulator.generation).toBe(before + 1)
    expect(simulator.entry).toEqual({ route: 'pages/detail/detail', query: { id: '7' } })
  })

  it('starts on the first page when another project is opened', async () => {
    const { main, simulator } = setup()
    main.emit('project.changed', sampleProject())
    await flush()
    simulator.stack = [{ route: 'pages/cart/cart', query: {} }]
    const before = simulator.generation
    main.emit('project.changed', sampleProject({ dir: '/home/dev/other' }))
    await flush()
    expect(simulator.generation).toBe(before + 1)
    expect(simulator.entry).toBeUndefined()
  })

  it('does not reload when only a setting of the same project changed', async () => {
    const { main, simulator } = setup()
    main.emit('project.changed', sampleProject())
    await flush()
    const before = simulator.generation
    main.emit(
      'project.changed',
      sampleProject({ domains: { ...sampleProject().domains, request: [] } }),
    )
    await flush()
    expect(simulator.generation).toBe(before)
  })

  it('remembers the device and zoom, and a new device is a new frame', async () => {
    const { simulator } = setup()
    const before = simulator.generation
    simulator.deviceId = 'pixel-7'
    simulator.zoom = 150
    await nextTick()
    expect(simulator.generation).toBe(before + 1)
    expect(simulator.device.width).toBe(412)
    expect(window.localStorage.getItem('mpdt.simulator.device')).toBe('pixel-7')
    expect(window.localStorage.getItem('mpdt.simulator.zoom')).toBe('150')
  })

  it('fits the phone to the pane for a new user', () => {
    const { simulator } = setup()
    expect(simulator.zoom).toBe('fit')
  })

  it('starts with the zoom level chosen last time', () => {
    window.localStorage.setItem('mpdt.simulator.zoom', '125')
    const { simulator } = setup()
    expect(simulator.zoom).toBe(125)
  })

  it('remembers fit when it is chosen again after a level', async () => {
    window.localStorage.setItem('mpdt.simulator.zoom', '50')
    const { simulator } = setup()
    simulator.zoom = 'fit'
    await nextTick()
    expect(window.localStorage.getItem('mpdt.simulator.zoom')).toBe('fit')
  })

  it('fits the phone when the remembered zoom is not one offered', () => {
    window.localStorage.setItem('mpdt.simulator.zoom', '33')
    const { simulator } = setup()
    expect(simulator.zoom).toBe('fit')
  })
})
