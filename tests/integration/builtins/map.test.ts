// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import {
  MAP_NOTE,
  worldLocation,
  worldPoint,
} from '../../../renderer/src/simulator/frame/builtins/map'
import { doc, mountPage, nextTask, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

describe('map', () => {
  it('projects as Web Mercator and back', () => {
    const at = worldPoint(116.397, 39.908, 16)
    const back = worldLocation(at.x, at.y, 16)
    expect(back.longitude).toBeCloseTo(116.397, 6)
    expect(back.latitude).toBeCloseTo(39.908, 6)
  })

  it('draws a grid with its note, markers around the centre, polylines; drags fire regionchange', async () => {
    mounted = await mountPage({
      wxml: `<map id="map" longitude="116.397" latitude="39.908" scale="16" style="width: 300px; height: 200px"
        markers="{{markers}}" polyline="{{polyline}}" bindregionchange="onRegion" bindmarkertap="onMarker"></map>`,
      page: {
        data: {
          markers: [{ id: 7, longitude: 116.397, latitude: 39.908, title: 'centre' }],
          polyline: [
            {
              points: [
                { longitude: 116.397, latitude: 39.908 },
                { longitude: 116.4, latitude: 39.91 },
              ],
              color: '#FF0000DD',
              width: 2,
            },
          ],
          events: [] as unknown[],
        },
        onRegion(this: { data: { events: unknown[] } }, event: { detail: unknown }) {
          this.data.events.push(event.detail)
        },
        onMarker(this: { data: { events: unknown[] } }, event: { detail: unknown }) {
          this.data.events.push(event.detail)
        },
      },
    })
    await nextTask()
    const map = mounted.byId('map')
    expect(map.querySelector('.wx-map__note')?.textContent).toBe(MAP_NOTE)
    const pin = map.querySelector<HTMLElement>('.wx-map__marker')!
    // happy-dom lays nothing out: the map is taken as 300×150, the centre marker at its middle.
    expect([pin.style.left, pin.style.top]).toEqual(['150px', '75px'])
    expect(pin.title).toBe('centre')
    const line = map.querySelector('polyline')!
    expect(line.getAttribute('stroke')).toBe('#FF0000')
    expect(line.getAttribute('points')?.split(' ')[0]).toBe('150,75')

    pin.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    map.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: 100, clientY: 100 }))
    doc.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 140, clientY: 100 }))
    doc.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: 140, clientY: 100 }))
    const events = (mounted.page.data as { events: Record<string, unknown>[] }).events
    expect(events[0]).toEqual({ markerId: 7 })
    expect(events[1]).toEqual({ type: 'begin', causedBy: 'gesture' })
    const end = events[2] as { type: string; detail: { centerLocation: { longitude: number } } }
    expect(end.type).toBe('end')
    // Dragged 40 px east: the centre moved west.
    expect(end.detail.centerLocation.longitude).toBeLessThan(116.397)
    expect(map.querySelector<HTMLElement>('.wx-map__marker')!.style.left).toBe('190px')
  })
})
