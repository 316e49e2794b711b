import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isSource, SourceWatcher } from './source-watcher'

const folders: string[] = []
const watchers: SourceWatcher[] = []

afterEach(async () => {
  watchers.splice(0).forEach((watcher) => watcher.close())
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

async function watchNewFolder(onChange: (files: string[]) => void): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'mpdt-sources-'))
  folders.push(root)
  const watcher = new SourceWatcher({ root, onChange, debounceMs: 50 })
  watchers.push(watcher)
  await watcher.start()
  return root
}

describe('source watcher', () => {
  it('pages, styles, scripts, app.json and images are sources', () => {
    for (const path of ['app.json', 'pages/a/a.wxml', 'a.wxss', 'a.js', 'x.wxs', 'img/a.png']) {
      expect(isSource(path)).toBe(true)
    }
  })

  it('TypeScript, Less and Sass files are sources: a save recompiles them', () => {
    for (const path of ['pages/a/a.ts', 'a.less', 'a.scss', 'a.sass']) {
      expect(isSource(path)).toBe(true)
    }
  })

  it("the tool's own config files at the top are not sources: writing a setting keeps the page", () => {
    expect(isSource('project.private.config.json')).toBe(false)
    expect(isSource('project.config.json')).toBe(false)
    expect(isSource('project.domains.json')).toBe(false)
    expect(isSource('pages/project.config.json')).toBe(true)
  })

  it('a saved source is reported once; a settings write alone is not reported', async () => {
    const reports: string[][] = []
    const root = await watchNewFolder((files) => reports.push(files))
    await writeFile(join(root, 'project.private.config.json'), '{}')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(reports).toEqual([])
    await writeFile(join(root, 'app.wxss'), 'view{}')
    for (let i = 0; i < 50 && reports.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(reports).toEqual([['app.wxss']])
  })
})
