import { describe, expect, it } from 'vitest'
import { checkAppConfig } from './app-config'
import { parseStrictJson } from './json-document'

function check(json: unknown) {
  const parsed = parseStrictJson('app.json', JSON.stringify(json, null, 2))
  if (!parsed.ok) throw new Error('fixture JSON must parse')
  return checkAppConfig(parsed.doc)
}

const messages = (json: unknown) => check(json).problems.map((problem) => problem.message)
const tab = (pagePath: string) => ({ pagePath, text: pagePath })

describe('checkAppConfig', () => {
  it('requires pages', () => {
    expect(messages({ window: {} })).toEqual(['app.json must list its pages in "pages"'])
  })

  it('accepts subPackages as the older spelling of subpackages', () => {
    const read = check({ pages: ['a/a'], subPackages: [{ root: 'pkg', pages: ['b/b'] }] })
    expect(read.pages.map((entry) => entry.route)).toEqual(['a/a', 'b/b'])
    expect(read.app?.subpackages).toEqual([{ root: 'pkg', pages: ['b/b'] }])
  })

  it('keeps subpackage pages out of app.pages', () => {
    const read = check({ pages: ['a/a'], subpackages: [{ root: 'pkg', pages: ['b/b'] }] })
    expect(read.app?.pages).toEqual(['a/a'])
  })

  it('reports a window choice outside its values and drops it', () => {
    const read = check({
      pages: ['a/a'],
      window: { navigationBarTextStyle: 'red', navigationBarTitleText: 'T' },
    })
    expect(read.problems.map((problem) => problem.message)).toEqual([
      'window.navigationBarTextStyle must be one of black, white, not "red"',
    ])
    expect(read.app?.window).toEqual({ navigationBarTitleText: 'T' })
  })

  it('reports enablePullDownRefresh that is not a boolean', () => {
    expect(messages({ pages: ['a/a'], window: { enablePullDownRefresh: 'yes' } })).toEqual([
      'window.enablePullDownRefresh must be a boolean (true or false), not a string',
    ])
  })

  it('reports a tabBar with fewer than 2 items', () => {
    expect(messages({ pages: ['a/a'], tabBar: { list: [tab('a/a')] } })).toEqual([
      'tabBar.list must have 2 to 5 items, not 1',
    ])
  })

  it('reports a tabBar with more than 5 items', () => {
    const pages = ['a', 'b', 'c', 'd', 'e', 'f']
    expect(messages({ pages, tabBar: { list: pages.map(tab) } })).toEqual([
      'tabBar.list must have 2 to 5 items, not 6',
    ])
  })

  it('reports a tabBar page that is not in pages', () => {
    expect(messages({ pages: ['a', 'b'], tabBar: { list: [tab('a'), tab('z')] } })).toEqual([
      'tabBar page "z" must be listed in pages',
    ])
  })

  it('reads entryPagePath, and reports one that is not a listed page', () => {
    const listed = { pages: ['a'], subpackages: [{ root: 'pkg', pages: ['b'] }] }
    expect(check({ ...listed, entryPagePath: 'pkg/b' }).app?.entryPagePath).toBe('pkg/b')
    expect(messages({ ...listed, entryPagePath: 'pages/z' })).toEqual([
      'entryPagePath "pages/z" must be listed in pages',
    ])
  })

  it('reports a tabBar item without text', () => {
    expect(
      messages({ pages: ['a', 'b'], tabBar: { list: [tab('a'), { pagePath: 'b' }] } }),
    ).toEqual(['tabBar.list[1] needs pagePath and text'])
  })

  it('reads debug and usingComponents', () => {
    const read = check({ pages: ['a'], debug: true, usingComponents: { card: '/c/card' } })
    expect(read.app).toMatchObject({ debug: true, usingComponents: { card: '/c/card' } })
  })
})
