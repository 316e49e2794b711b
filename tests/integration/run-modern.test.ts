/**
 * `mpdt run` on tests/fixtures/run/modern: TypeScript and ES modules (a page whose only script is
 * index.ts), resolveAlias in import, require and usingComponents, `global` shared with a
 * webpack-runtime-shaped chunk, `__wxConfig`, app.js before any page module, lazyCodeLoading
 * (the detail page's modules run when it opens), and a wx.request answered by a loopback server.
 */
import { cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useRunEchoServer } from './run-echo-server'

const PROJECT = 'tests/fixtures/run/modern'

describe('mpdt run on a project written with ES modules, TypeScript and resolveAlias', () => {
  const echo = useRunEchoServer('run-modern')
  it('runs app.ts first, the index page at launch, the detail page and its component when opened', async () => {
    const result = await echo.run(PROJECT)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.lines).toEqual([
      'app onLaunch develop pages/index/index.html',
      'index module https://api.example.test true lib/webpack-chunk',
      'request 200 served /echo',
      'badge module',
      'detail module',
      'detail onLoad 7 [new]',
    ])
  }, 60_000)

  it('without lazyCodeLoading, runs every page and component module after app.ts, at launch', async () => {
    const project = join(echo.dir, 'eager')
    await cp(PROJECT, project, { recursive: true })
    const appJson = JSON.parse(await readFile(join(project, 'app.json'), 'utf8'))
    delete appJson.lazyCodeLoading
    await writeFile(join(project, 'app.json'), JSON.stringify(appJson))
    const result = await echo.run(project)
    expect(result.code, result.stderr).toBe(0)
    expect(result.lines).toEqual([
      'badge module',
      'index module https://api.example.test true lib/webpack-chunk',
      'detail module',
      'app onLaunch develop pages/index/index.html',
      'request 200 served /echo',
      'detail onLoad 7 [new]',
    ])
  }, 60_000)
})
