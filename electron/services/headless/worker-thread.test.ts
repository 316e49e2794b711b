/**
 * `wx.createWorker` in `mpdt run` (tests/fixtures/projects/worker): the compiled workers bundle
 * runs in a Node worker thread; messages go both ways, `require` works between the worker
 * folder's files (a TypeScript one too), errors name the worker's source, testOnProcessKilled
 * reaches onProcessKilled, and the run waits for the worker before it ends.
 */
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { runHeadless } from './run-session'

const FIXTURE = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'tests',
  'fixtures',
  'projects',
  'worker',
)

async function run(page?: string) {
  const lines: string[] = []
  const errors: string[] = []
  const exitCode = await runHeadless({
    projectDir: FIXTURE,
    page,
    timeoutMs: 20_000,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
  })
  return { exitCode, lines, errors }
}

test('the page and its worker thread talk until the worker is terminated, then the run ends', async () => {
  const { exitCode, lines, errors } = await run()
  expect([exitCode, errors]).toEqual([0, []])
  const refusals = lines.filter((line) => line.startsWith('refused:'))
  expect(refusals).toEqual([
    `refused: createWorker:fail "workers/calc/index.js?" is not a script in app.json's workers folder "workers"`,
    `refused: createWorker:fail "pages/index/index.js" is not a script in app.json's workers folder "workers"`,
    'refused: createWorker:fail only one Worker may run; call Worker.terminate() before creating the next one',
  ])
  expect(lines).toContain('worker started wxfile://usr')
  const got = lines.filter((line) => /^(main|again) got|^killed|^terminated/.test(line))
  expect(got).toEqual([
    'main got {"type":"fib","result":6765}',
    'main got {"type":"later","n":7}',
    'main got {"type":"globals","wx":"undefined","fetch":"undefined","process":"undefined","importScripts":"undefined","globalRequire":"undefined","globalProcess":"undefined","globalFetch":"undefined"}',
    'killed',
    'again got {"type":"fib","result":55}',
    'terminated',
  ])
  // Errors thrown in the worker are reported at the worker's source: the TypeScript file's line.
  const reported = lines.filter((line) => line.startsWith('[error]'))
  expect(reported).toHaveLength(2)
  expect(reported[0]).toContain('RangeError: n must not be negative, got -1')
  expect(reported[0]).toMatch(/workers\/calc\/checks\.ts:7:\d+/)
  expect(reported[0]).toMatch(/workers\/calc\/index\.js:8:\d+/)
  expect(reported[1]).toContain(
    `module "pages/index/index.js" is not defined, require args is "../../pages/index/index.js"`,
  )
  // Only the worker's own frames: the bundle's loader and the thread's wrapper are left out.
  expect(reported[1].split('\n').slice(1)).toEqual([
    expect.stringMatching(/^\s+at .*\(workers\/calc\/index\.js:24:\d+\)$/),
  ])
}, 30_000)
