import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { fakeMainProcess, workbenchPlugins } from '../../../tests/helpers/fake-main-process'
import PhoneFrame from './PhoneFrame.vue'

// happy-dom loads no frame pages (it prints a NotSupportedError for each): the frame's document is
// tested in the frame's own specs and end to end.
afterEach(() => window.localStorage.clear())

async function mountPhone() {
  const { plugins } = workbenchPlugins(fakeMainProcess())
  const wrapper = mount(PhoneFrame, { global: { plugins }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('PhoneFrame', () => {
  it('runs the mini-program in a frame sandboxed to scripts only, never same-origin', async () => {
    const frame = (await mountPhone()).get('iframe')
    expect(frame.attributes('sandbox')).toBe('allow-scripts')
    expect(frame.attributes('src')).toBe('simulator.html')
  })

  it('gives the frame the device’s CSS size and scales the phone for the zoom', async () => {
    const wrapper = await mountPhone()
    await wrapper.get('select[aria-label="Device"]').setValue('iphone-se')
    await wrapper.get('select[aria-label="Zoom"]').setValue('50')
    await flushPromises()
    expect(wrapper.get('iframe').attributes('style')).toContain('width: 375px; height: 667px')
    expect(wrapper.get('.screen').attributes('style')).toContain('scale(0.5)')
    expect(wrapper.get('.phone').attributes('style')).toContain('width: 187.5px')
  })

  it('offers fitting the phone to the pane first, and chooses it for a new user', async () => {
    const wrapper = await mountPhone()
    const zoom = wrapper.get<HTMLSelectElement>('select[aria-label="Zoom"]')
    expect(zoom.findAll('option')[0].text()).toBe('Fit')
    expect(zoom.element.selectedIndex).toBe(0)
    expect(wrapper.get('.stage').classes()).toContain('fitting')
  })

  it('offers every device preset and zoom from 50 to 200 %', async () => {
    const wrapper = await mountPhone()
    const devices = wrapper.findAll('select[aria-label="Device"] option').map((o) => o.text())
    expect(devices).toEqual([
      'iPhone SE 375×667 @2',
      'iPhone 14 390×844 @3',
      'iPhone 14 Pro Max 430×932 @3',
      'Pixel 7 412×915 @2.625',
      'iPad mini 768×1024 @2',
    ])
    const zooms = wrapper.findAll('select[aria-label="Zoom"] option').map((o) => o.text())
    expect(zooms[1]).toBe('50%')
    expect(zooms.at(-1)).toBe('200%')
  })

  it('shows why the simulator could not start', async () => {
    const { plugins } = workbenchPlugins(fakeMainProcess())
    const wrapper = mount(PhoneFrame, { global: { plugins }, attachTo: document.body })
    const { useSimulatorStore } = await import('./simulator-store')
    useSimulatorStore().failure = { code: 'NO_PROJECT', message: 'No project is open' }
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('No project is open')
  })
})

describe('the toolbar’s Location', () => {
  it('moves the phone to a valid place and remembers it; a place off the Earth is not taken', async () => {
    const wrapper = await mountPhone()
    const { useSimulatorStore } = await import('./simulator-store')
    const simulator = useSimulatorStore()
    const latitude = wrapper.get<HTMLInputElement>('input[aria-label="Latitude"]')
    const longitude = wrapper.get<HTMLInputElement>('input[aria-label="Longitude"]')
    expect([latitude.element.value, longitude.element.value]).toEqual(['23.099994', '113.32452'])
    await latitude.setValue('39.9042')
    await longitude.setValue('116.4074')
    expect(simulator.location).toEqual({ latitude: 39.9042, longitude: 116.4074 })
    expect(JSON.parse(window.localStorage.getItem('mpdt.simulator.location') ?? '')).toEqual({
      latitude: 39.9042,
      longitude: 116.4074,
    })
    await latitude.setValue('91')
    await flushPromises()
    expect(simulator.location.latitude).toBe(39.9042)
    expect(latitude.element.value).toBe('39.9042')
  })
})
