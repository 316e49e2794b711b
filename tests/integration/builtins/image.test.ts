// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import {
  imageStyle,
  preloadImage,
  resolveImageSource,
} from '../../../renderer/src/simulator/frame/builtins/image'
import { mountPage, nextTask, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

type Detail = Record<string, unknown>

const PNG = 'data:image/png;base64,iVBORw0KGgo='

describe('image modes', () => {
  it('scaleToFill stretches, aspectFit contains, aspectFill covers', () => {
    expect(imageStyle('scaleToFill').img.objectFit).toBe('fill')
    expect(imageStyle('aspectFit').img.objectFit).toBe('contain')
    expect(imageStyle('aspectFill').img.objectFit).toBe('cover')
  })

  it('widthFix keeps the width and lets the height follow the picture', () => {
    expect(imageStyle('widthFix')).toEqual({
      host: { height: 'auto' },
      img: { width: '100%', height: 'auto', objectFit: 'fill', objectPosition: 'center center' },
    })
  })

  it('heightFix keeps the height and lets the width follow the picture', () => {
    expect(imageStyle('heightFix')).toEqual({
      host: { width: 'auto' },
      img: { width: 'auto', height: '100%', objectFit: 'fill', objectPosition: 'center center' },
    })
  })

  it('crop modes show the picture unscaled at their edge', () => {
    expect(imageStyle('bottom right').img).toMatchObject({
      objectFit: 'none',
      objectPosition: 'right bottom',
    })
  })

  it('the mode reaches the DOM: object-fit on the picture, auto height on a widthFix host', async () => {
    mounted = await mountPage({
      wxml: '<image id="a" src="{{src}}" mode="aspectFill" /><image id="w" src="{{src}}" mode="widthFix" />',
      page: { data: { src: PNG } },
    })
    const fill = mounted.byId('a').querySelector('img') as HTMLImageElement
    expect(fill.style.objectFit).toBe('cover')
    const fix = mounted.byId('w')
    expect(fix.getAttribute('wx-auto')).toBe('height')
    expect((fix.querySelector('img') as HTMLImageElement).style.height).toBe('auto')
    const css = [...mounted.host.ownerDocument.querySelectorAll('style')]
      .map((s) => s.textContent)
      .join('\n')
    expect(css).toContain('image[wx-auto=height] { height: auto; }')
  })
})

describe('image sources', () => {
  const assets = { 'images/logo.png': PNG }

  it('a relative path resolves from the page folder to the bundled data URL', () => {
    expect(resolveImageSource('../../images/logo.png', 'pages/index/index', assets)).toBe(PNG)
  })

  it('an absolute path resolves from the mini-program root', () => {
    expect(resolveImageSource('/images/logo.png', 'pages/index/index', assets)).toBe(PNG)
  })

  it('https and data URLs are used as they are', () => {
    expect(resolveImageSource('https://example.com/a.png', 'pages/a/a', {})).toBe(
      'https://example.com/a.png',
    )
    expect(resolveImageSource(PNG, 'pages/a/a', {})).toBe(PNG)
  })

  it('a local file missing from the bundle resolves to nothing', () => {
    expect(resolveImageSource('/images/none.png', 'pages/a/a', assets)).toBeNull()
  })

  it('a query or fragment on a local path still names the bundled file', () => {
    expect(resolveImageSource('/images/logo.png?v=2', 'pages/a/a', assets)).toBe(PNG)
    expect(resolveImageSource('../../images/logo.png#top', 'pages/a/a', assets)).toBe(PNG)
  })

  it('a %-escaped local path names the file by its own name', () => {
    const named = { 'images/标志 1.png': PNG }
    expect(resolveImageSource('/images/%E6%A0%87%E5%BF%97%201.png', 'pages/a/a', named)).toBe(PNG)
    expect(resolveImageSource('/images/标志 1.png', 'pages/a/a', named)).toBe(PNG)
    expect(resolveImageSource('/images/%E6%A0%87.png', 'pages/a/a', named)).toBeNull()
  })

  it("an absolute path in an extended library's component the library has not is the project's", () => {
    const roots = ['miniprogram_npm/weui-miniprogram/']
    const grids = 'miniprogram_npm/weui-miniprogram/grids/grids'
    const own = { ...assets, 'miniprogram_npm/weui-miniprogram/images/logo.png': 'own' }
    // mp-grids shows the `imgUrl` the page gives it from the mini-program's own pictures …
    expect(resolveImageSource('/images/logo.png', grids, assets, roots)).toBe(PNG)
    // … and the library's own picture first when it has one of that name.
    expect(resolveImageSource('/images/logo.png', grids, own, roots)).toBe('own')
    expect(resolveImageSource('/images/none.png', grids, assets, roots)).toBeNull()
  })

  it('a relative path in a custom component resolves from the component folder', async () => {
    mounted = await mountPage({
      wxml: '<badge id="b" />',
      files: {
        'pages/index/index.json': JSON.stringify({
          usingComponents: { badge: '/components/badge/badge' },
        }),
        'components/badge/badge.json': '{"component":true}',
        'components/badge/badge.wxml': '<image id="i" src="./dot.png" />',
        'components/badge/badge.js': 'Component({})',
      },
      assets: { 'components/badge/dot.png': PNG },
    })
    const badge = mounted.node('b') as unknown as {
      getShadowRoot(): { getElementById(id: string): { $$: HTMLElement } }
    }
    const img = badge.getShadowRoot().getElementById('i').$$.querySelector('img')
    expect(img?.getAttribute('src')).toBe(PNG)
  })

  it('a relative path in a page resolves from the page folder', async () => {
    mounted = await mountPage({
      wxml: '<image id="up" src="../../images/logo.png" /><image id="here" src="{{here}}" />',
      page: { data: { here: 'pin.png' } },
      assets: { ...assets, 'pages/index/pin.png': PNG },
    })
    expect(mounted.byId('up').querySelector('img')?.getAttribute('src')).toBe(PNG)
    expect(mounted.byId('here').querySelector('img')?.getAttribute('src')).toBe(PNG)
  })

  it("an absolute path in an extended library's component names the library's own file", async () => {
    const SVG = 'data:image/svg+xml;base64,PHN2Zy8+'
    const loading = 'miniprogram_npm/weui-miniprogram/loading/loading'
    const spec = {
      wxml: '<mp-loading id="l" />',
      files: {
        'pages/index/index.json': JSON.stringify({
          usingComponents: { 'mp-loading': `/${loading}` },
        }),
        [`${loading}.json`]: '{"component":true}',
        [`${loading}.wxml`]: '<image id="i" src="/_assets/loading-icon.svg" />',
        [`${loading}.js`]: 'Component({})',
      },
      assets: { 'miniprogram_npm/weui-miniprogram/_assets/loading-icon.svg': SVG },
    }
    const picture = () => {
      const host = mounted!.node('l') as unknown as {
        getShadowRoot(): { getElementById(id: string): { $$: HTMLElement } }
      }
      return host.getShadowRoot().getElementById('i').$$.querySelector('img')?.getAttribute('src')
    }
    mounted = await mountPage({ ...spec, libraryRoots: ['miniprogram_npm/weui-miniprogram/'] })
    expect(picture()).toBe(SVG)
    mounted.release()
    // The same package built by 构建 npm is part of the mini-program: `/` is the mini-program root.
    mounted = await mountPage(spec)
    expect(picture()).toBeNull()
  })

  it('cover-image loads its src the same way', async () => {
    mounted = await mountPage({ wxml: '<cover-image id="c" src="/images/logo.png" />', assets })
    expect(mounted.byId('c').querySelector('img')?.getAttribute('src')).toBe(PNG)
  })

  it('the page renders the bundled file for a local src', async () => {
    mounted = await mountPage({
      wxml: '<image id="i" src="/images/logo.png" />',
      assets,
    })
    expect(mounted.byId('i').querySelector('img')?.getAttribute('src')).toBe(PNG)
  })
})

describe('network pictures held for the first paint', () => {
  it('requests a network picture when let (the simulator: after the first paint), the latest src only', async () => {
    const held: Array<() => void> = []
    mounted = await mountPage({
      wxml: '<image id="net" src="{{src}}" /><image id="local" src="{{local}}" />',
      page: { data: { src: 'https://pics.test/1.png', local: PNG } },
      startRemoteLoad: (load) => held.push(load),
    })
    const net = mounted.byId('net').querySelector('img') as HTMLImageElement
    expect(net.hasAttribute('src')).toBe(false)
    // Data URLs (bundled pictures) cost no request: shown at once.
    expect(mounted.byId('local').querySelector('img')!.getAttribute('src')).toBe(PNG)
    mounted.page.setData({ src: 'https://pics.test/2.png' })
    await nextTask()
    expect(held).toHaveLength(2)
    for (const load of held) load()
    expect(net.getAttribute('src')).toBe('https://pics.test/2.png')
  })

  it('requests it at once when nothing holds it', async () => {
    mounted = await mountPage({
      wxml: '<image id="net" src="https://pics.test/1.png" />',
    })
    const net = mounted.byId('net').querySelector('img') as HTMLImageElement
    expect(net.getAttribute('src')).toBe('https://pics.test/1.png')
  })
})

describe('wx.preloadAssets images', () => {
  /** The document, recording the pictures made in it. */
  const recording = () => {
    const made: HTMLImageElement[] = []
    const doc = {
      createElement: (tag: string) => {
        const element = document.createElement(tag) as HTMLImageElement
        made.push(element)
        return element
      },
    } as unknown as Document
    return { doc, made }
  }

  it('requests a network picture as <image> does: once let, after the first paint', () => {
    const { doc, made } = recording()
    const held: Array<() => void> = []
    preloadImage(doc, 'https://pics.test/shadow.png', (load) => held.push(load))
    expect(made).toHaveLength(0)
    expect(held).toHaveLength(1)
    held[0]()
    expect(made.map((img) => img.getAttribute('src'))).toEqual(['https://pics.test/shadow.png'])
  })

  it('fetches nothing for the code package’s own pictures or data URLs', () => {
    const { doc, made } = recording()
    const held: Array<() => void> = []
    for (const src of ['/images/a.png', 'b.png', PNG]) {
      preloadImage(doc, src, (load) => held.push(load))
    }
    expect(held).toHaveLength(0)
    expect(made).toHaveLength(0)
  })
})

describe('image events', () => {
  it('bindload gets the natural width and height', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml: `<image id="i" src="${PNG}" bindload="onLoad" />`,
      page: { onLoad: (e: { detail: Detail }) => void details.push(e.detail) },
    })
    const img = mounted.byId('i').querySelector('img') as HTMLImageElement
    // happy-dom reports a load without decoding (0×0); the browser's natural size is given here.
    await nextTask()
    details.length = 0
    Object.defineProperty(img, 'naturalWidth', { value: 640 })
    Object.defineProperty(img, 'naturalHeight', { value: 480 })
    img.dispatchEvent(new Event('load'))
    expect(details).toEqual([{ width: 640, height: 480 }])
  })

  it('binderror fires for a local file that is not in the project', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml: '<image id="i" src="/images/missing.png" binderror="onError" />',
      page: { onError: (e: { detail: Detail }) => void details.push(e.detail) },
    })
    await nextTask()
    expect(details).toEqual([{ errMsg: 'GET /images/missing.png 404 (Not Found)' }])
  })

  it('binderror fires when the picture fails to load', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml: '<image id="i" src="https://127.0.0.1:1/none.png" binderror="onError" />',
      page: { onError: (e: { detail: Detail }) => void details.push(e.detail) },
    })
    mounted.byId('i').querySelector('img')?.dispatchEvent(new Event('error'))
    expect(details).toEqual([{ errMsg: 'GET https://127.0.0.1:1/none.png failed' }])
  })
})
