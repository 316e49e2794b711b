/**
 * Skyline components in the WebView fallback, in Chromium (tests/fixtures/projects/skyline):
 * masonry tiles placed by the shortest column, a sticky header kept at the top of its
 * scroll-view while its section scrolls and pushed away by the next, a mouse drag reaching a
 * pan-gesture-handler's `worklet:ongesture`.
 */
import { describe, expect, it } from 'vitest'
import {
  byId,
  copyFixtureProject,
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  useE2eScratch,
} from './harness'

describe('Skyline components on the phone', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  it('lays out masonry, keeps sticky headers at the top and runs gesture handlers', async () => {
    const copy = await copyFixtureProject('skyline')
    e2e.defer(() => copy.remove())
    e2e.session = await openWorkbench(copy.dir)
    const phone = e2e.phone()
    await phone.locator(byId('tile4')).waitFor()

    // Offsets in the page's CSS px: the tiles' own, from the grid's box.
    const tiles = await phone.locator(byId('grid')).evaluate((grid) => {
      const box = grid.querySelector('.wx-grid-view') as HTMLElement
      const placed = Array.from(box.children).map((tile) => {
        const { offsetLeft, offsetTop, offsetWidth } = tile as HTMLElement
        return [offsetLeft, offsetTop, offsetWidth]
      })
      return { width: box.clientWidth, height: box.offsetHeight, placed }
    })
    const column = (tiles.width - 10) / 2
    const second = column + 10
    expect(tiles.placed.map(([left, top]) => [left, top])).toEqual([
      [0, 0],
      [expect.closeTo(second, 0), 0],
      [expect.closeTo(second, 0), 50],
      [0, 110],
      [expect.closeTo(second, 0), 120],
    ])
    expect(tiles.placed[0][2]).toBeCloseTo(column, 0)
    expect(tiles.height).toBe(150)

    const headerTops = (scrollTop: number) =>
      phone.locator(byId('list')).evaluate((list, top) => {
        const box = list.querySelector('.wx-scroll-view') as HTMLElement
        box.scrollTop = top
        const from = box.getBoundingClientRect().top
        const topOf = (id: string) =>
          Math.round(
            (list.querySelector(`[id$="${id}"]`) as HTMLElement).getBoundingClientRect().top - from,
          )
        return [topOf('head1'), topOf('head2')]
      }, scrollTop)
    // Scrolled into the first section: its header stays at the top of the scroll-view.
    const [first] = await headerTops(150)
    expect(first).toBe(0)
    // Past the first section (30 + 10 × 40 px): the second header has pushed the first away.
    const [pushed, next] = await headerTops(500)
    expect(next).toBe(0)
    expect(pushed).toBeLessThan(0)

    const ball = await phone.locator(byId('ball')).boundingBox()
    const mouse = e2e.page().mouse
    await mouse.move(ball!.x + 10, ball!.y + 10)
    await mouse.down()
    await mouse.move(ball!.x + 80, ball!.y + 10, { steps: 5 })
    await mouse.up()
    await phone.locator(byId('ball'), { hasText: 'moved right' }).waitFor()
    expect(e2e.session.pageErrors).toEqual([])
  })
})
