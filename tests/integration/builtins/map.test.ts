// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type * as glassEasel from 'glass-easel'
import {
  MAP_NOTE,
  mapControlOf,
  WHEEL_REST_MS,
  worldLocation,
  worldPoint,
} from '../../../renderer/src/simulator/frame/builtins/map'
import { createLaterInvoker } from '../../../shared/runtime/async-api'
import { createMapContext } from '../../../shared/runtime/map-context'
import { PendingWork } from '../../../shared/runtime/pending-work'
import { doc, mountPage, nextTask, tap, type MountedPage } from './harness'

const ICON = 'data:image/png;base64,iVBORw0KGgo='
/** Events the page's handlers received, by name. */
type Received = { events: [string, Record<string, unknown>][] }
const recorder = (name: string) =>
  function (this: { data: Received }, event: { detail: Record<string, unknown> }) {
    this.data.events.push([name, event.detail])
  }
const click = (element: Element) =>
  element.dispatchEvent(new MouseEvent('click', { bubbles: true }))

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
    expect(line.getAttribute('stroke')).toBe('#FF0000DD')
    expect(line.getAttribute('points')?.split(' ')[0]).toBe('150,75')

    click(pin.querySelector('.wx-map__marker-body')!)
    map.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: 100, clientY: 100 }))
    doc.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 140, clientY: 100 }))
    doc.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: 140, clientY: 100 }))
    const events = (mounted.page.data as { events: Record<string, unknown>[] }).events
    expect(events[0]).toEqual({ markerId: 7 })
    expect(events[1]).toEqual({ type: 'begin', causedBy: 'gesture' })
    const end = events[2] as {
      type: string
      causedBy: string
      centerLocation: { longitude: number }
    }
    expect([end.type, end.causedBy]).toEqual(['end', 'drag'])
    // Dragged 40 px east: the centre moved west.
    expect(end.centerLocation.longitude).toBeLessThan(116.397)
    expect(map.querySelector<HTMLElement>('.wx-map__marker')!.style.left).toBe('190px')
  })

  it('draws circles, polygons, labels, callouts, controls, the location point and its children', async () => {
    mounted = await mountPage({
      wxml: `<map id="map" longitude="113.3245" latitude="23.1" scale="16" show-location
        markers="{{markers}}" circles="{{circles}}" polygons="{{polygons}}" controls="{{controls}}"
        bindmarkertap="onMarker" bindcallouttap="onCallout" bindlabeltap="onLabel" bindcontroltap="onControl">
        <cover-view id="over">over the map</cover-view>
      </map>`,
      assets: { 'icons/plus.png': ICON },
      location: { longitude: 113.3245, latitude: 23.1 },
      page: {
        data: {
          events: [],
          markers: [
            {
              id: 1,
              longitude: 113.3245,
              latitude: 23.1,
              callout: { content: '总在', display: 'ALWAYS', bgColor: '#ffeecc' },
            },
            {
              id: 2,
              longitude: 113.325,
              latitude: 23.1,
              callout: { content: '点开', display: 'BYCLICK' },
              label: { content: '标签', color: '#ff0000' },
            },
          ],
          circles: [
            {
              longitude: 113.3245,
              latitude: 23.1,
              radius: 100,
              color: '#0000FFAA',
              fillColor: '#0000FF22',
              strokeWidth: 2,
            },
          ],
          polygons: [
            {
              points: [
                { longitude: 113.3245, latitude: 23.1 },
                { longitude: 113.325, latitude: 23.1 },
                { longitude: 113.325, latitude: 23.101 },
              ],
              strokeColor: '#FFFFFFAA',
              fillColor: '#00FF0055',
              strokeWidth: 3,
            },
          ],
          controls: [
            {
              id: 9,
              iconPath: '/icons/plus.png',
              clickable: true,
              position: { left: 10, top: 20, width: 30, height: 30 },
            },
          ],
        },
        onMarker: recorder('markertap'),
        onCallout: recorder('callouttap'),
        onLabel: recorder('labeltap'),
        onControl: recorder('controltap'),
      },
    })
    await nextTask()
    const map = mounted.byId('map')
    const circle = map.querySelector('circle')!
    expect([circle.getAttribute('cx'), circle.getAttribute('cy')]).toEqual(['150', '75'])
    // 100 m at latitude 23.1 and scale 16: 100 / (40075016.686 · cos 23.1° / 2^24) px.
    const metres = (40075016.686 * Math.cos((23.1 * Math.PI) / 180)) / (256 * 2 ** 16)
    expect(Number(circle.getAttribute('r'))).toBeCloseTo(100 / metres, 6)
    expect(circle.getAttribute('stroke')).toBe('#0000FFAA')
    const polygon = map.querySelector('polygon')!
    expect(polygon.getAttribute('points')?.split(' ')).toHaveLength(3)
    expect(polygon.getAttribute('fill')).toBe('#00FF0055')
    expect(polygon.getAttribute('stroke-width')).toBe('3')

    const callouts = () => [...map.querySelectorAll('.wx-map__callout')].map((c) => c.textContent)
    expect(callouts()).toEqual(['总在'])
    expect(map.querySelector('.wx-map__label')?.textContent).toBe('标签')
    // A BYCLICK callout opens when its marker is tapped.
    click(map.querySelectorAll('.wx-map__marker-body')[1])
    expect(callouts()).toEqual(['总在', '点开'])
    click(map.querySelectorAll('.wx-map__callout')[1])
    click(map.querySelector('.wx-map__label')!)
    const control = map.querySelector<HTMLImageElement>('.wx-map__control')!
    expect([control.style.left, control.style.top, control.style.width]).toEqual([
      '10px',
      '20px',
      '30px',
    ])
    click(control)
    expect((mounted.page.data as unknown as Received).events).toEqual([
      ['markertap', { markerId: 2 }],
      ['callouttap', { markerId: 2 }],
      ['labeltap', { markerId: 2 }],
      ['controltap', { controlId: 9 }],
    ])
    // The simulated location is the centre here; the cover-view child is in the map.
    const dot = map.querySelector<HTMLElement>('.wx-map__location--dot')!
    expect([dot.style.left, dot.style.top]).toEqual(['150px', '75px'])
    expect(mounted.byId('over').closest('map')).toBe(map)
  })

  it("shows the callout slot's cover-view for a marker with customCallout, at its anchor, by click or always", async () => {
    mounted = await mountPage({
      wxml: `<map id="map" longitude="113.3245" latitude="23.1" scale="16" markers="{{markers}}"
        bindmarkertap="onMarker" bindcallouttap="onCallout" bindtap="onTap">
        <cover-view slot="callout">
          <cover-view id="c1" marker-id="1" class="bubble">一号 {{count}}</cover-view>
          <cover-view id="c2" marker-id="2">二号</cover-view>
        </cover-view>
      </map>`,
      page: {
        data: {
          count: 0,
          events: [],
          markers: [
            {
              id: 1,
              longitude: 113.3245,
              latitude: 23.1,
              title: 'ignored',
              callout: { content: 'ignored too', display: 'ALWAYS' },
              customCallout: { display: 'ALWAYS', anchorX: 10, anchorY: -4 },
            },
            {
              id: 2,
              longitude: 113.325,
              latitude: 23.1,
              height: 30,
              customCallout: { display: 'BYCLICK' },
            },
          ],
        },
        onMarker: recorder('markertap'),
        onCallout: recorder('callouttap'),
        onTap: recorder('tap'),
      },
    })
    await nextTask()
    const map = mounted.byId('map')
    const rules = () => map.querySelector('.wx-map__layer > style')!.textContent!
    const key = map.getAttribute('wx-map-key')
    const scope = `map[wx-map-key="${key}"] > .wx-map__layer > .wx-map__callouts > * >`
    // The callout slot's children sit in the map's moving layer; the marker's callout is unused.
    expect(mounted.byId('c1').closest('.wx-map__callouts')).not.toBeNull()
    expect(mounted.byId('c1').getAttribute('marker-id')).toBe('1')
    expect(map.querySelector('.wx-map__callout')).toBeNull()
    expect(map.querySelector<HTMLElement>('.wx-map__marker')!.title).toBe('')
    // Marker 1 at the centre (150, 75), 24 px tall: bottom-centre at (160, 47).
    expect(rules().split('\n')).toEqual([
      `${scope} :not([marker-id="1"]) { display: none !important; }`,
      `${scope} [marker-id="1"] { position: absolute !important; left: 0 !important; top: 0 !important; translate: calc(160px - 50%) calc(47px - 100%); }`,
    ])
    // A tap on marker 2 opens its BYCLICK callout above its 30 px icon.
    click(map.querySelectorAll('.wx-map__marker-body')[1])
    const second = rules().split('\n')
    expect(second[0]).toBe(
      `${scope} :not([marker-id="1"], [marker-id="2"]) { display: none !important; }`,
    )
    expect(second[2]).toMatch(/\[marker-id="2"\] .*calc\(45px - 100%\)/)
    // The page's data still reaches the slotted cover-view; a tap on it is a callouttap.
    mounted.page.setData({ count: 5 })
    expect(mounted.byId('c1').textContent).toContain('一号 5')
    tap(mounted.byId('c2'))
    click(mounted.byId('c2'))
    expect((mounted.page.data as unknown as Received).events).toEqual([
      ['markertap', { markerId: 2 }],
      ['callouttap', { markerId: 2 }],
    ])
  })

  it('a tap on the grid fires tap with its longitude and latitude; one on a marker does not', async () => {
    mounted = await mountPage({
      wxml: `<map id="map" longitude="116.397" latitude="39.908" scale="16" markers="{{markers}}"
        bindtap="onTap" bindmarkertap="onMarker"></map>`,
      page: {
        data: { events: [], markers: [{ id: 3, longitude: 116.397, latitude: 39.908 }] },
        onTap: recorder('tap'),
        onMarker: recorder('markertap'),
      },
    })
    await nextTask()
    const map = mounted.byId('map')
    // happy-dom: the map's rect is at 0, 0 and it is taken as 300×150, the centre at (150, 75).
    tap(map.querySelector('.wx-map__layer')!, 150, 75)
    tap(map.querySelector('.wx-map__layer')!, 250, 75)
    tap(map.querySelector('.wx-map__marker-body')!, 150, 70)
    click(map.querySelector('.wx-map__marker-body')!)
    const events = (mounted.page.data as unknown as Received).events
    expect(events.map(([name]) => name)).toEqual(['tap', 'tap', 'markertap'])
    expect(events[0][1].longitude).toBeCloseTo(116.397, 9)
    expect(events[0][1].latitude).toBeCloseTo(39.908, 9)
    const east = worldLocation(
      worldPoint(116.397, 39.908, 16).x + 100,
      worldPoint(116.397, 39.908, 16).y,
      16,
    )
    expect(events[1][1]).toEqual({ longitude: east.longitude, latitude: events[1][1].latitude })
    expect(events[1][1].latitude).toBeCloseTo(39.908, 9)
    expect(Object.keys(events[1][1]).sort()).toEqual(['latitude', 'longitude'])
  })

  it('fires updated after each drawn data change, anchorpointtap on the location point, never poitap', async () => {
    mounted = await mountPage({
      wxml: `<map id="map" longitude="113.3245" latitude="23.1" scale="{{scale}}" show-location
        bindupdated="onUpdated" bindanchorpointtap="onAnchor" bindpoitap="onPoi" bindtap="onTap"></map>`,
      location: { longitude: 113.33, latitude: 23.11 },
      page: {
        data: { scale: 14, events: [] },
        onUpdated: recorder('updated'),
        onAnchor: recorder('anchorpointtap'),
        onPoi: recorder('poitap'),
        onTap: recorder('tap'),
      },
    })
    const events = () => (mounted!.page.data as unknown as Received).events
    expect(events()).toEqual([])
    await nextTask()
    expect(events()).toEqual([['updated', {}]])
    mounted.page.setData({ scale: 15 })
    mounted.page.setData({ scale: 16 })
    await nextTask()
    expect(events()).toEqual([
      ['updated', {}],
      ['updated', {}],
    ])
    const dot = mounted.byId('map').querySelector('.wx-map__location')!
    click(dot)
    tap(dot)
    expect(events().slice(2)).toEqual([['anchorpointtap', { longitude: 113.33, latitude: 23.11 }]])
  })

  it('zooms with the wheel: regionchange begins, and ends with causedBy scale when the wheel rests', async () => {
    mounted = await mountPage({
      wxml: `<map id="map" longitude="116.397" latitude="39.908" scale="14" max-scale="15" bindregionchange="onRegion"></map>`,
      page: { data: { events: [] }, onRegion: recorder('regionchange') },
    })
    await nextTask()
    const map = mounted.byId('map')
    const wheel = (deltaY: number) =>
      map.dispatchEvent(new WheelEvent('wheel', { deltaY, bubbles: true, cancelable: true }))
    wheel(-100)
    wheel(-100)
    await new Promise((resolve) => setTimeout(resolve, WHEEL_REST_MS + 50))
    const events = (mounted.page.data as unknown as Received).events.map(([, detail]) => detail)
    expect(events).toHaveLength(2)
    expect(events[0]).toEqual({ type: 'begin', causedBy: 'gesture' })
    // Two notches in, held at max-scale.
    expect(events[1]).toMatchObject({
      type: 'end',
      causedBy: 'scale',
      scale: 15,
      rotate: 0,
      skew: 0,
    })
    const region = events[1].region as {
      southwest: { longitude: number }
      northeast: { longitude: number }
    }
    expect(region.southwest.longitude).toBeLessThan(116.397)
    expect(region.northeast.longitude).toBeGreaterThan(116.397)
  })

  it('zooms with a two-finger pinch: twice the spread is one level in', async () => {
    mounted = await mountPage({
      wxml: `<map id="map" longitude="116.397" latitude="39.908" scale="14" bindregionchange="onRegion"></map>`,
      page: { data: { events: [] }, onRegion: recorder('regionchange') },
    })
    await nextTask()
    const map = mounted.byId('map')
    const win = globalThis as unknown as { TouchEvent: typeof TouchEvent }
    const finger = (identifier: number, x: number) =>
      ({ identifier, target: map, clientX: x, clientY: 50, pageX: x, pageY: 50 }) as never
    const touch = (type: string, touches: never[]) =>
      map.dispatchEvent(
        new win.TouchEvent(type, { bubbles: true, touches, changedTouches: touches }),
      )
    touch('touchstart', [finger(1, 100), finger(2, 150)])
    touch('touchmove', [finger(1, 75), finger(2, 175)])
    touch('touchend', [])
    const events = (mounted.page.data as unknown as Received).events.map(([, detail]) => detail)
    expect(events[0]).toEqual({ type: 'begin', causedBy: 'gesture' })
    expect(events[1]).toMatchObject({ type: 'end', causedBy: 'scale', scale: 15 })
    expect(events).toHaveLength(2)
  })

  it('answers MapContext: centre, region, scale, moves, fits points, moves and adds markers', async () => {
    mounted = await mountPage({
      wxml: `<map id="map" longitude="116.397" latitude="39.908" scale="16" markers="{{markers}}" bindregionchange="onRegion"></map>`,
      page: {
        data: { events: [], markers: [{ id: 3, longitude: 116.397, latitude: 39.908 }] },
        onRegion: recorder('regionchange'),
      },
    })
    await nextTask()
    const map = mounted.byId('map')
    const control = mapControlOf(mounted.node('map') as glassEasel.GeneralComponent)!
    const errors: unknown[] = []
    const context = createMapContext(() => control, {
      invokeLater: createLaterInvoker((error) => errors.push(error), new PendingWork()),
      sink: (error) => errors.push(error),
      location: () => ({ longitude: 113.32452, latitude: 23.099994 }),
    }) as Record<string, (options?: Record<string, unknown>) => Promise<Record<string, unknown>>>

    expect(await context.getCenterLocation()).toEqual({
      longitude: 116.397,
      latitude: 39.908,
      errMsg: 'getCenterLocation:ok',
    })
    expect(await context.getScale()).toEqual({ scale: 16, errMsg: 'getScale:ok' })
    const { southwest, northeast } = (await context.getRegion()) as unknown as {
      southwest: { longitude: number; latitude: number }
      northeast: { longitude: number; latitude: number }
    }
    // 300 px wide at scale 16: 300 · 360 / 2^24 degrees of longitude.
    expect(northeast.longitude - southwest.longitude).toBeCloseTo((300 * 360) / 256 / 2 ** 16, 9)

    // moveToLocation() without coordinates goes to the simulated location.
    await context.moveToLocation()
    expect(await context.getCenterLocation()).toMatchObject({
      longitude: 113.32452,
      latitude: 23.099994,
    })
    const events = (mounted.page.data as unknown as Received).events.map(([, detail]) => detail)
    expect(events.map((event) => [event.type, event.causedBy])).toEqual([
      ['begin', 'update'],
      ['end', 'update'],
    ])
    await context.moveToLocation({ longitude: 116.397, latitude: 39.908 })
    expect((await context.getCenterLocation()).longitude).toBe(116.397)

    // includePoints: both points on the map, at the highest scale that holds them.
    const points = [
      { longitude: 116.3, latitude: 39.9 },
      { longitude: 116.5, latitude: 40.0 },
    ]
    await context.includePoints({ points, padding: [10] })
    for (const point of points) {
      const { x, y } = (await context.toScreenLocation(point)) as unknown as {
        x: number
        y: number
      }
      expect(x).toBeGreaterThanOrEqual(10 - 1e-6)
      expect(x).toBeLessThanOrEqual(290 + 1e-6)
      expect(y).toBeGreaterThanOrEqual(10 - 1e-6)
      expect(y).toBeLessThanOrEqual(140 + 1e-6)
    }
    const fitted = (await context.getScale()).scale as number
    expect(fitted).toBeGreaterThan(8)
    expect(fitted).toBeLessThan(11)
    const back = (await context.fromScreenLocation({ x: 150, y: 75 })) as unknown as {
      longitude: number
    }
    expect(back.longitude).toBeCloseTo(116.4, 6)

    // translateMarker moves the marker; animationEnd is called at the end.
    await context.moveToLocation({ longitude: 116.397, latitude: 39.908 })
    let ended = false
    await new Promise((resolve) =>
      context.translateMarker({
        markerId: 3,
        destination: { longitude: 116.4, latitude: 39.908 },
        duration: 0,
        animationEnd: () => (ended = true),
        success: resolve,
      }),
    )
    expect(ended).toBe(true)
    const pinAt = () =>
      Number.parseFloat(map.querySelector<HTMLElement>('.wx-map__marker')!.style.left)
    expect(pinAt()).toBeGreaterThan(150)
    await expect(
      context.translateMarker({ markerId: 99, destination: { longitude: 1, latitude: 1 } }),
    ).rejects.toEqual({ errMsg: 'translateMarker:fail marker 99 not found' })

    await context.addMarkers({ markers: [{ id: 4, longitude: 116.397, latitude: 39.908 }] })
    expect(map.querySelectorAll('.wx-map__marker')).toHaveLength(2)
    await context.removeMarkers({ markerIds: [3] })
    expect(map.querySelectorAll('.wx-map__marker')).toHaveLength(1)
    await context.addMarkers({
      markers: [{ id: 5, longitude: 116.397, latitude: 39.908 }],
      clear: true,
    })
    expect(map.querySelectorAll('.wx-map__marker')).toHaveLength(1)

    await expect(context.addArc({})).rejects.toEqual({ errMsg: 'addArc:fail not supported' })
    const missing = createMapContext(() => undefined, {
      invokeLater: createLaterInvoker(() => undefined, new PendingWork()),
      sink: () => undefined,
      location: () => ({ longitude: 0, latitude: 0 }),
    }) as Record<string, () => Promise<unknown>>
    await expect(missing.getScale()).rejects.toEqual({ errMsg: 'getScale:fail map not found' })
    expect(errors).toEqual([])
  })
})
