/**
 * One compiler for every entry point: `mpdt check`, `mpdt run` and the workbench's simulator
 * report the same problems for tests/fixtures/projects/broken-scripts (a component that does not
 * exist, a dangling `<import>`, a TypeScript syntax error, an import of a missing file, an alias
 * that points nowhere, an import cycle), each at its file:line:column, and the rest of the project
 * still runs.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProjectStore } from '../../electron/services/project'
import { createWorkbenchService } from '../../electron/services/workbench'
import { TEST_APP_INFO } from '../helpers/workbench-kit'
import { REPO_ROOT, runMpdt } from './mpdt-process'

const PROJECT = 'tests/fixtures/projects/broken-scripts'
const BUILD_MS = 420_000
const PROBLEM_LINE = /^[\w@./-]+:\d+:\d+: /

const EXPECTED = [
  'pages/index/index.json:3:13: component "/components/card/card" not found (looked for components/card/card.json, components/card/card/index.json)',
  'pages/index/index.wxml:1:14: pages/index/parts.wxml not found',
  'pages/broken/broken.ts:3:23: Unexpected "="',
  'pages/missing/missing.js:2:22: cannot find module "./gone"',
  'app.json:5:19: resolveAlias "@nowhere/*" points to "nothere/*", where the project has no file',
  'utils/cycle-b.js:1:22: warning: import cycle utils/cycle-a.js → utils/cycle-b.js → utils/cycle-a.js: utils/cycle-a.js is still running when required here and gives its exports so far',
]

const problemLines = (text: string) => text.split('\n').filter((line) => PROBLEM_LINE.test(line))

describe('mpdt check, mpdt run and the workbench report the same compile problems', () => {
  let dataDir = ''

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mpdt-check-parity-'))
    await runMpdt(['--version'], {}, BUILD_MS)
  }, BUILD_MS + 30_000)

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('mpdt check prints each problem located and exits 2', async () => {
    const result = await runMpdt(['check', PROJECT], { MPDT_DATA_DIR: dataDir })
    expect(result.code).toBe(2)
    expect(problemLines(result.stderr)).toEqual(EXPECTED)
    expect(result.stdout).toBe('broken-scripts: 5 error(s), 1 warning(s)\n')
  }, 60_000)

  it('mpdt run prints the same problems and runs the rest of the project', async () => {
    const result = await runMpdt(['run', PROJECT, '--page', 'pages/index/index'], {
      MPDT_DATA_DIR: dataDir,
    })
    expect(problemLines(result.stderr)).toEqual(EXPECTED)
    // The cycle runs with CommonJS semantics; the missing import fails only its own binding.
    expect(result.lines).toContain('index runs ping function')
    // The broken page's module throws its error placed at the source, not at the stand-in .js.
    expect(result.stdout).toContain(
      'SyntaxError: pages/broken/broken.ts:3:23: Unexpected "="\n    at Object.<anonymous> (pages/broken/broken.ts:3:23)',
    )
    expect(result.stdout).not.toContain('broken.js')
  }, 60_000)

  it('the workbench simulator bundle carries the same problems', async () => {
    const store = createProjectStore({ dataDir: join(dataDir, 'workbench'), debounceMs: 20 })
    const workbench = createWorkbenchService({ store, appInfo: TEST_APP_INFO })
    try {
      const opened = await workbench.service['project.open']({ dir: join(REPO_ROOT, PROJECT) })
      expect(opened.ok).toBe(true)
      await workbench.settled()
      const bundle = await workbench.service['simulator.bundle']({ deviceWidth: 375 })
      if (!bundle.ok) throw new Error(bundle.error.message)
      const { errors, warnings } = bundle.value.compiled
      const located = (prefix: string) => (problem: (typeof errors)[number]) =>
        `${problem.file}:${problem.line}:${problem.column}: ${prefix}${problem.message}`
      const shown = [...errors.map(located('')), ...warnings.map(located('warning: '))]
      expect(shown).toEqual(EXPECTED)
      const script = bundle.value.files['pages/broken/broken.js']
      expect(script).toContain('pages/broken/broken.ts:3:23: Unexpected')
    } finally {
      await workbench.close()
      await store.close()
    }
  }, 60_000)
})
