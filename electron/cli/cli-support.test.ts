import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commandLineCwd, resolveDataDir } from './app-paths'
import { chooseElectronLaunch, findElectronBinary } from './electron-binary'
import { systemLocale } from './locale'
import { parseOpenArgs } from './open'

describe('mpdt open arguments', () => {
  it('takes a folder, --web and --port in any order', () => {
    expect(parseOpenArgs(['--port', '8123', 'demo', '--web'])).toEqual({
      dir: 'demo',
      web: true,
      port: 8123,
    })
    expect(parseOpenArgs(['--port=0'])).toEqual({ web: false, port: 0 })
  })

  it('refuses a port that is not a number from 0 to 65535', () => {
    for (const port of ['x', '-1', '65536', '1.5']) {
      expect(parseOpenArgs(['--port', port])).toHaveProperty('error')
    }
    expect(parseOpenArgs(['--port'])).toHaveProperty('error')
  })

  it('refuses unknown options and a second folder', () => {
    expect(parseOpenArgs(['--remote'])).toHaveProperty('error')
    expect(parseOpenArgs(['a', 'b'])).toHaveProperty('error')
  })
})

describe('the data folder', () => {
  it('is MPDT_DATA_DIR when set', () => {
    expect(resolveDataDir({ MPDT_DATA_DIR: '/tmp/d', XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe(
      '/tmp/d',
    )
  })

  it('is mp-devtools under XDG_CONFIG_HOME, else under ~/.config', () => {
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe('/x/mp-devtools')
    expect(resolveDataDir({}, '/home/u')).toBe('/home/u/.config/mp-devtools')
  })
})

describe('relative folders on the command line', () => {
  it("are relative to npm's INIT_CWD under npm start", () => {
    expect(commandLineCwd({ npm_lifecycle_event: 'start', INIT_CWD: '/home/u/p' })).toBe(
      '/home/u/p',
    )
  })

  it('are relative to the working folder otherwise', () => {
    expect(commandLineCwd({ npm_lifecycle_event: 'test', INIT_CWD: '/elsewhere' })).toBe(
      process.cwd(),
    )
  })
})

describe('system locale', () => {
  it('reads LC_ALL, LC_MESSAGES, then LANG as a BCP 47 tag', () => {
    expect(systemLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN')
    expect(systemLocale({ LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en-GB')
    expect(systemLocale({ LANG: 'de' })).toBe('de')
  })

  it('falls back to ICU for the C locale', () => {
    expect(systemLocale({ LANG: 'C' })).toBe(Intl.DateTimeFormat().resolvedOptions().locale)
  })
})

describe('Electron binary lookup', () => {
  let packageDir: string

  beforeEach(async () => {
    packageDir = await mkdtemp(join(tmpdir(), 'mpdt-electron-'))
  })

  afterEach(async () => {
    await rm(packageDir, { recursive: true, force: true })
  })

  it('finds the executable that path.txt names under dist/', async () => {
    await mkdir(join(packageDir, 'dist'))
    await writeFile(join(packageDir, 'path.txt'), 'electron')
    await writeFile(join(packageDir, 'dist', 'electron'), '')
    expect(findElectronBinary({}, packageDir)).toBe(join(packageDir, 'dist', 'electron'))
  })

  it('answers null when the binary was never downloaded (no path.txt)', () => {
    expect(findElectronBinary({}, packageDir)).toBeNull()
  })

  it('answers null when path.txt names a missing file', async () => {
    await writeFile(join(packageDir, 'path.txt'), 'electron')
    expect(findElectronBinary({}, packageDir)).toBeNull()
  })

  it('answers null when the electron package is not installed', () => {
    expect(findElectronBinary({}, null)).toBeNull()
  })
})

describe('Electron or browser mode', () => {
  it('starts Electron when its binary is there and a display is', () => {
    expect(chooseElectronLaunch('/e', { DISPLAY: ':0' }, 'linux')).toEqual({ binary: '/e' })
    expect(chooseElectronLaunch('/e', { WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toEqual({
      binary: '/e',
    })
    expect(chooseElectronLaunch('/e', {}, 'darwin')).toEqual({ binary: '/e' })
  })

  it('uses browser mode, saying so, without a binary', () => {
    expect(chooseElectronLaunch(null, { DISPLAY: ':0' }, 'linux')).toEqual({
      fallback: 'The Electron binary is not installed: using browser mode.',
    })
  })

  it('uses browser mode, saying so, on Linux without a display', () => {
    expect(chooseElectronLaunch('/e', {}, 'linux')).toEqual({
      fallback: 'No display is available for Electron: using browser mode.',
    })
  })
})
