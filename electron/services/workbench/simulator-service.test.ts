import { mkdir, rename, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContractEvents } from '../../../shared/contract'
import type { WorkbenchService } from '.'
import { galleryWorkbench, type GalleryWorkbench } from '../../../tests/helpers/workbench-kit'

let gallery: GalleryWorkbench
let scratch: string
let project: string
let workbench: WorkbenchService
let saves: string[][]

beforeEach(async () => {
  saves = []
  gallery = await galleryWorkbench('mpdt-simulator-service-', {
    open: false,
    store: { debounceMs: 20 },
    workbench: { sourcesDebounceMs: 30 },
    onEvent: (event, payload) => {
      if (event === 'project.sourcesChanged') {
        saves.push((payload as ContractEvents['project.sourcesChanged']).files)
      }
    },
  })
  ;({ scratch, project, workbench } = gallery)
})

afterEach(() => gallery.close())

function openProject(): Promise<void> {
  return gallery.open()
}

async function bundle(deviceWidth = 375) {
  const result = await workbench.service['simulator.bundle']({ deviceWidth })
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('simulator.bundle', () => {
  it('compiles the pages and carries scripts, JSON, app.json and images', async () => {
    await openProject()
    const value = await bundle()
    expect(value.appid).toBe('touristappid')
    expect(value.compiled.pages).toEqual(['pages/index/index', 'pages/detail/detail'])
    expect(value.compiled.errors).toEqual([])
    expect(Object.keys(value.files).sort()).toEqual([
      'app.js',
      'app.json',
      'components/badge/badge.js',
      'components/badge/badge.json',
      'pages/detail/detail.js',
      'pages/detail/detail.json',
      'pages/index/index.js',
      'pages/index/index.json',
      'project.config.json',
      'project.private.config.json',
    ])
    expect(value.appJson).toMatchObject({ networkTimeout: { request: 10000 } })
    expect(value.assets['images/logo.png']).toMatch(/^data:image\/png;base64,/)
  })

  it('redoes rpx for another device width', async () => {
    await openProject()
    expect((await bundle(375)).compiled.styles.app).toContain('padding: 8px 12px')
    expect((await bundle(750)).compiled.styles.app).toContain('padding: 16px 24px')
  })

  it('reports a compile error as data and still bundles the rest', async () => {
    await writeFile(join(project, 'pages/detail/detail.wxml'), '<view>{{</view>')
    await openProject()
    const value = await bundle()
    expect(value.compiled.errors[0]).toMatchObject({ file: expect.stringContaining('detail') })
    expect(value.compiled.pages).toContain('pages/index/index')
  })

  it('never sends a file reached through a symbolic link out of the project', async () => {
    const outside = join(scratch, 'secret')
    await mkdir(outside)
    await writeFile(join(outside, 'secret.js'), 'module.exports = "secret"')
    await symlink(outside, join(project, 'linked'))
    await symlink(join(outside, 'secret.js'), join(project, 'leak.js'))
    await openProject()
    const value = await bundle()
    expect(Object.keys(value.files).filter((file) => /linked|leak/.test(file))).toEqual([])
    expect(JSON.stringify(value)).not.toContain('"secret"')
  })

  it('leaves out images over the budget and says which', async () => {
    await writeFile(join(project, 'images/big.png'), Buffer.alloc(9 * 1024 * 1024))
    await openProject()
    const value = await bundle()
    expect(value.assets['images/big.png']).toBeUndefined()
    expect(value.assets['images/logo.png']).toBeDefined()
    expect(value.compiled.warnings).toContainEqual(
      expect.objectContaining({ file: 'images/big.png' }),
    )
  })

  it('refuses a device width no preset has, and answers NO_PROJECT with nothing open', async () => {
    expect(await workbench.service['simulator.bundle']({ deviceWidth: 375 })).toMatchObject({
      ok: false,
      error: { code: 'NO_PROJECT' },
    })
    await openProject()
    expect(await workbench.service['simulator.bundle']({ deviceWidth: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PARAMS' },
    })
  })
})

describe('project.sourcesChanged', () => {
  it('reports a saved page once, and the next bundle has the new template', async () => {
    await openProject()
    await bundle()
    await writeFile(join(project, 'pages/detail/detail.wxml'), '<view id="detail">changed</view>')
    await until(() => saves.length > 0, 'a sourcesChanged event')
    expect(saves).toEqual([['pages/detail/detail.wxml']])
    expect((await bundle()).compiled.groupListCode).toContain('changed')
  })

  it('sees sources in a folder created after opening', async () => {
    await openProject()
    // Moved in whole, as a checkout or an unzip does: the sources it brings count as saved.
    await mkdir(join(scratch, 'extra'))
    await writeFile(join(scratch, 'extra/extra.wxml'), '<view/>')
    await rename(join(scratch, 'extra'), join(project, 'pages/extra'))
    await until(() => saves.flat().includes('pages/extra/extra.wxml'), 'the moved-in folder')
    await writeFile(join(project, 'pages/extra/extra.wxss'), '.a { color: red }')
    await until(() => saves.flat().includes('pages/extra/extra.wxss'), 'a file saved in it')
  })

  it('ignores files that are not mini-program sources', async () => {
    await openProject()
    await writeFile(join(project, 'notes.md'), 'hello')
    await writeFile(join(project, 'app.wxss'), 'page { color: #333 }')
    await until(() => saves.length > 0, 'the app.wxss save')
    expect(saves.flat()).toEqual(['app.wxss'])
  })

  it('stops watching when the workbench closes', async () => {
    await openProject()
    await workbench.close()
    await writeFile(join(project, 'app.wxss'), 'page { color: #000 }')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(saves).toEqual([])
  })
})
