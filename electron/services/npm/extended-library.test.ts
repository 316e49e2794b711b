import { describe, expect, it } from 'vitest'
import { extendedLibraryPaths, withExtendedLibraries } from './extended-library'

const APP_JSON = JSON.stringify({ pages: ['pages/index/index'], useExtendedLib: { weui: true } })
const project: Record<string, string> = { 'app.json': APP_JSON }
const read = withExtendedLibraries(async (path) => project[path] ?? null)

describe('useExtendedLib weui', () => {
  it('serves the checkbox passing its cell the tick classes in its own scope, as in WeUI’s source', async () => {
    const wxml = await read('miniprogram_npm/weui-miniprogram/checkbox/checkbox.wxml')
    expect(wxml).toContain("'^weui-cell_radio' : '^weui-cell_checkbox'")
    expect(wxml).not.toContain("'weui-cell_radio'")
  })

  it('serves the other files as the package has them', async () => {
    const wxml = await read('miniprogram_npm/weui-miniprogram/cell/cell.wxml')
    expect(wxml).toContain('{{extClass}}')
    expect(wxml).not.toContain('^')
  })

  it('lists the pictures its components name from their own root', async () => {
    const pictures = await extendedLibraryPaths(APP_JSON, ['.svg'])
    expect(Object.keys(pictures)).toContainEqual(
      expect.stringMatching(/^miniprogram_npm\/weui-miniprogram\/_assets\/loading-icon\.\w+\.svg$/),
    )
    expect(await extendedLibraryPaths(JSON.stringify({ pages: [] }), ['.svg'])).toEqual({})
  })
})
