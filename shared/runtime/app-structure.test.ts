import { describe, expect, it } from 'vitest'
import {
  componentLoadOrder,
  pageRoutes,
  parsePageUrl,
  resolveComponentPath,
  withGlobalComponents,
  type ComponentJson,
} from './app-structure'

describe('pageRoutes', () => {
  it('lists main pages, then subpackage pages under their root', () => {
    expect(
      pageRoutes({
        pages: ['pages/a/a', '/pages/b/b'],
        subpackages: [{ root: 'pkg/', pages: ['p/c'] }],
      }),
    ).toEqual(['pages/a/a', 'pages/b/b', 'pkg/p/c'])
  })
})

describe('parsePageUrl', () => {
  it('splits the route and keeps query values as written', () => {
    expect(parsePageUrl('/pages/a/a?id=1&q=%20x&flag')).toEqual({
      route: 'pages/a/a',
      query: { id: '1', q: '%20x', flag: '' },
    })
  })

  it('gives an empty query when there is none', () => {
    expect(parsePageUrl('pages/a/a')).toEqual({ route: 'pages/a/a', query: {} })
  })
})

describe('components', () => {
  it('resolves usingComponents paths relative to the owner or from the root', () => {
    expect(resolveComponentPath('pages/a/a', '../../comp/x/x')).toBe('comp/x/x')
    expect(resolveComponentPath('pages/a/a', '/comp/x/x')).toBe('comp/x/x')
    expect(resolveComponentPath('pages/a/a', 'plugin://p/x')).toBeUndefined()
  })

  it('puts app.json global components under the own ones, rooted, never itself', () => {
    expect(
      withGlobalComponents(
        'comp/g/g',
        { usingComponents: { own: './o' } },
        { g: 'comp/g/g', h: 'comp/h/h', own: 'x' },
      ),
    ).toEqual({ usingComponents: { h: '/comp/h/h', own: './o' } })
  })

  it('orders components dependencies first, each once, cycles included', () => {
    const jsons: Record<string, ComponentJson> = {
      'pages/a/a': { usingComponents: { list: '/comp/list/list', item: '/comp/item/item' } },
      'comp/list/list': { usingComponents: { item: '../item/item' } },
      'comp/item/item': { usingComponents: { list: '/comp/list/list' } },
    }
    expect(componentLoadOrder(['pages/a/a'], (path) => jsons[path] ?? {})).toEqual([
      'comp/item/item',
      'comp/list/list',
    ])
  })
})
