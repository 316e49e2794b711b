import { mkdir, mkdtemp, realpath, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { demoCopyDir, demoProjectDir, isDemoProject } from './demo-project'

describe('demoProjectDir', () => {
  test('is resources/demo in the package root', () => {
    expect(demoProjectDir(join('/opt', 'mp-devtools'))).toBe(
      join('/opt', 'mp-devtools', 'resources', 'demo'),
    )
  })

  test('is outside the asar archive when packaged', () => {
    expect(demoProjectDir(join('/opt', 'MP DevTools', 'resources', 'app.asar'))).toBe(
      join('/opt', 'MP DevTools', 'resources', 'app.asar.unpacked', 'resources', 'demo'),
    )
  })
})

describe('demoCopyDir', () => {
  test('is demo-project in the data folder', () => {
    expect(demoCopyDir(join('/home', 'me', '.config', 'mp-devtools'))).toBe(
      join('/home', 'me', '.config', 'mp-devtools', 'demo-project'),
    )
  })
})

describe('isDemoProject', () => {
  const location = { appRoot: '/opt/mp-devtools', dataDir: '/home/me/.config/mp-devtools' }

  test('recognises the shipped demo folder however it is written', async () => {
    expect(await isDemoProject('/opt/mp-devtools/resources/demo/', location)).toBe(true)
    expect(await isDemoProject('/opt/mp-devtools/x/../resources/demo', location)).toBe(true)
  })

  test('recognises the user’s copy in the data folder', async () => {
    expect(await isDemoProject('/home/me/.config/mp-devtools/demo-project', location)).toBe(true)
  })

  test('does not take another project for the demo', async () => {
    expect(await isDemoProject('/home/me/projects/demo', location)).toBe(false)
    expect(await isDemoProject('/home/me/.config/demo-project', location)).toBe(false)
  })
})

describe('isDemoProject with a linked data folder', () => {
  let scratch: string
  beforeEach(async () => {
    scratch = await realpath(await mkdtemp(join(tmpdir(), 'mpdt-demo-link-')))
  })
  afterEach(() => rm(scratch, { recursive: true, force: true }))

  test('recognises the copy by its real path when the data folder is a link', async () => {
    await mkdir(join(scratch, 'real', 'demo-project'), { recursive: true })
    await symlink(join(scratch, 'real'), join(scratch, 'linked'))
    const location = { appRoot: '/opt/mp-devtools', dataDir: join(scratch, 'linked') }
    expect(await isDemoProject(join(scratch, 'real', 'demo-project'), location)).toBe(true)
  })
})
