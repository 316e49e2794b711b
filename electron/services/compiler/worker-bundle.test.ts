import { describe, expect, it } from 'vitest'
import { compileProject } from './project-compiler'

const PAGE = { 'pages/index/index.js': 'Page({})', 'pages/index/index.wxml': '<view/>' }

async function compile(app: Record<string, unknown>, more: Record<string, string> = {}) {
  const files: Record<string, string> = {
    'app.json': JSON.stringify({ pages: ['pages/index/index'], ...app }, null, 2),
    'app.js': 'App({})',
    ...PAGE,
    ...more,
  }
  return compileProject({
    readFile: async (path) => files[path] ?? null,
    listFiles: async () => Object.keys(files),
    rpx: { deviceWidth: 375 },
  })
}

describe('app.json workers', () => {
  it('bundles the folder’s scripts, and only them, into one script', async () => {
    const result = await compile(
      { workers: { path: 'workers', isSubpackage: true } },
      { 'workers/a/index.js': 'worker.onMessage(() => 1)', 'workers/b.js': 'exports.b = 2' },
    )
    expect(result.errors).toEqual([])
    expect(result.workers).toMatchObject({ root: 'workers', isSubpackage: true })
    expect(result.workers?.code).toContain('"workers/a/index.js":"worker.onMessage(() => 1)"')
    expect(result.workers?.code).toContain('"workers/b.js":"exports.b = 2"')
    expect(result.workers?.code).not.toContain('Page({})')
  })

  it('has no bundle without app.json workers', async () => {
    expect((await compile({})).workers).toBeUndefined()
  })

  it('locates a workers value that is not a folder, and warns of an empty folder', async () => {
    const wrong = await compile({ workers: 3 })
    expect(wrong.errors).toEqual([
      {
        file: 'app.json',
        line: 5,
        column: 14,
        message:
          'app.json "workers" must be the folder of the worker scripts ("workers") or { "path": "workers", "isSubpackage": true }',
      },
    ])
    const empty = await compile({ workers: 'workers' })
    expect(empty.warnings.map((w) => w.message)).toEqual([
      'the workers folder "workers" has no script',
    ])
  })
})
