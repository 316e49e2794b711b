/**
 * `mpdt run` on tests/fixtures/run/lifecycle and broken-app-json: lifecycles, --page with a query,
 * console levels, an uncaught exception while the run goes on, and the exit codes 0, 2 and 3.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runMpdt, type MpdtResult } from './mpdt-process'

const LIFECYCLE = 'tests/fixtures/run/lifecycle'
const BUILD_MS = 420_000

describe('mpdt run', () => {
  let dir: string
  const run = (...args: string[]) => runMpdt(['run', ...args], { MPDT_DATA_DIR: dir })

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpdt-run-lifecycle-'))
    // Builds out/ if it is stale, so the runs below are timed without a build.
    await runMpdt(['--version'], {}, BUILD_MS)
  }, BUILD_MS + 30_000)

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  describe('on a project that logs, throws in a timer and goes on', () => {
    let result: MpdtResult
    beforeAll(async () => {
      result = await run(LIFECYCLE)
    }, 60_000)

    it('runs App then the first page of app.json through its lifecycles', () => {
      expect(result.lines.slice(0, 3)).toEqual(['app onLaunch', 'app onShow', 'index onLoad {}'])
      expect(result.lines.indexOf('index onShow')).toBeLessThan(
        result.lines.indexOf('index onReady'),
      )
    })

    it('prints each console level as one line with its prefix', () => {
      expect(result.lines).toEqual(
        expect.arrayContaining([
          'info line',
          '[warn] warn line 1',
          '[error] error line {"code":7}',
          'group label',
          'inside group',
          '[{"a":1},{"a":2}]',
        ]),
      )
    })

    it('prints an uncaught exception with its stack in the project files', () => {
      const start = result.lines.indexOf('[error] Error: exploded: in a timer')
      expect(start).toBeGreaterThan(-1)
      expect(result.lines[start + 1]).toBe('    at explode (utils/explode.js:3:9)')
      expect(result.lines[start + 2]).toMatch(/^ {4}at .*pages\/index\/index\.js:\d+:\d+\)?$/)
    })

    it('prints a promise rejection nobody handled with its stack', () => {
      const start = result.lines.indexOf(
        '[error] Unhandled promise rejection Error: nobody handled this',
      )
      expect(start).toBeGreaterThan(-1)
      expect(result.lines[start + 1]).toMatch(/^ {4}at .*pages\/index\/index\.js:\d+:\d+\)?$/)
      expect(result.lines).toContain('app onUnhandledRejection nobody handled this true')
    })

    it('goes on after the exception and exits 0 once nothing is pending', () => {
      expect(result.lines[result.lines.length - 1]).toBe('still running after the exception')
      expect(result.code, result.stderr).toBe(0)
      expect(result.stderr).toBe('')
    })
  })

  it('opens the page given with --page and hands it the query', async () => {
    const result = await run(LIFECYCLE, '--page', 'pages/detail/detail?id=7&tab=info')
    expect(result.lines).toEqual([
      'app onLaunch',
      'app onShow',
      'detail onLoad {"id":"7","tab":"info"}',
    ])
    expect(result.code, result.stderr).toBe(0)
  }, 60_000)

  it('launches as the compile mode named by --compile-mode: its page, query and scene', async () => {
    const result = await run(LIFECYCLE, '--compile-mode', 'detail from a QR code')
    expect(result.lines).toEqual([
      'app onLaunch',
      'app onShow',
      'detail onLoad {"id":"9"}',
      'launched with scene 1011',
    ])
    expect(result.code, result.stderr).toBe(0)
  }, 60_000)

  it('takes --scene over the compile mode’s scene, and with --page', async () => {
    const withMode = await run(
      LIFECYCLE,
      '--compile-mode',
      'detail from a QR code',
      '--scene',
      '1047',
    )
    expect(withMode.lines).toContain('launched with scene 1047')
    const withPage = await run(LIFECYCLE, '--page', 'pages/detail/detail', '--scene', '1007')
    expect(withPage.lines).toContain('launched with scene 1007')
  }, 60_000)

  it('exits 2 naming the compile modes there are when --compile-mode names none of them', async () => {
    const result = await run(LIFECYCLE, '--compile-mode', 'nope')
    expect(result.code, result.stderr).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      'mpdt run: no compile mode named "nope" in condition.miniprogram.list; the project has "detail from a QR code"\n',
    )
  }, 60_000)

  it('exits 3 when --timeout runs out, saying what is still pending', async () => {
    const result = await run(LIFECYCLE, '--page', 'pages/index/index?forever=1', '--timeout', '1')
    expect(result.code, result.stderr).toBe(3)
    expect(result.stderr).toMatch(/timed out after 1 s; still pending: 0 request\(s\), 1 timer/)
  }, 60_000)

  it('ends cleanly on Ctrl-C: exit 130, HAR written, no temporary folder left', async () => {
    const dataDir = await mkdtemp(join(dir, 'data-'))
    const harFile = join(dir, 'interrupted.har')
    const result = await runMpdt(
      [
        'run',
        LIFECYCLE,
        '--page',
        'pages/index/index?forever=1',
        '--data-dir',
        dataDir,
        '--har',
        harFile,
      ],
      { MPDT_DATA_DIR: dir },
      60_000,
      { interruptAfterLine: 'index onReady' },
    )
    expect(result.code, result.stderr).toBe(130)
    expect(result.stderr).toMatch(/interrupted; still pending: 0 request\(s\), 1 timer/)
    expect(JSON.parse(await readFile(harFile, 'utf8')).log.version).toBe('1.2')
    // --data-dir also keeps the mini-program's user files (files/<appid>); the run's folder goes.
    expect((await readdir(dataDir)).filter((name) => name.startsWith('mpdt-run-'))).toEqual([])
  }, 60_000)

  it('exits 2 and prints each problem with its location for a broken project', async () => {
    const result = await run('tests/fixtures/run/broken-app-json')
    expect(result.code, result.stderr).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^app\.json:\d+:\d+: .*trailing comma/m)
  }, 60_000)

  it('exits 2 for a folder that does not exist', async () => {
    const result = await run(join(dir, 'missing'))
    expect(result.code, result.stderr).toBe(2)
    expect(result.stderr).toMatch(/^mpdt run: /)
  }, 60_000)

  it('exits 2 for an entry page that is not in app.json once App.onPageNotFound opened nothing', async () => {
    const result = await run(LIFECYCLE, '--page', 'pages/nowhere/nowhere?id=3')
    expect(result.code, result.stderr).toBe(2)
    expect(result.lines).toEqual([
      'app onLaunch',
      'app onShow',
      'app onPageNotFound pages/nowhere/nowhere {"id":"3"} true',
    ])
    expect(result.stderr).toContain(
      "mpdt run: pages/nowhere/nowhere is not in app.json's pages and onPageNotFound opened no other page (WeChat shows 页面不存在)",
    )
  }, 60_000)

  it('runs the page App.onPageNotFound redirects a missing entry page to, and exits 0', async () => {
    const result = await run(LIFECYCLE, '--page', 'pages/old/old?to=pages/detail/detail')
    expect(result.code, result.stderr).toBe(0)
    expect(result.lines).toEqual([
      'app onLaunch',
      'app onShow',
      'app onPageNotFound pages/old/old {"to":"pages/detail/detail"} true',
      'detail onLoad {}',
    ])
    expect(result.stderr).toBe('')
  }, 60_000)

  it('exits 2 for a --cacert file that holds no certificate', async () => {
    const notPem = join(dir, 'not-a-ca.pem')
    await writeFile(notPem, 'hello')
    const result = await run(LIFECYCLE, '--cacert', notPem)
    expect(result.code, result.stderr).toBe(2)
    expect(result.stderr).toContain(`${notPem} holds no valid PEM certificate`)
    expect(result.stdout).toBe('')
  }, 60_000)

  it('exits 2 before running when the --har folder does not exist', async () => {
    const result = await run(LIFECYCLE, '--har', join(dir, 'missing', 'run.har'))
    expect(result.code, result.stderr).toBe(2)
    expect(result.stderr).toContain('no such folder')
    expect(result.stdout).toBe('')
  }, 60_000)

  it('prints its usage with --help and exits 0', async () => {
    const result = await run('--help')
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('Usage: mpdt run <projectDir> [options]')
    expect(result.stdout).toContain('--connect-to H1:P1:H2:P2')
  }, 60_000)

  it('exits 2 with the usage for an unknown option', async () => {
    const result = await run(LIFECYCLE, '--verbose')
    expect(result.code, result.stderr).toBe(2)
    expect(result.stderr).toContain('mpdt run: unknown option --verbose')
    expect(result.stderr).toContain('Usage: mpdt run <projectDir>')
  }, 60_000)
})
