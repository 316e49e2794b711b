/**
 * Part of `npm run bench:engine`: `wx` creation, from `createRuntime` to App `onLaunch`, with the
 * full declared table against the runtime as it was before the table (its 55-member `wx`), taken
 * from git (`BASELINE_COMMIT`) and bundled by esbuild in the same run. Both run alternately on
 * the same minimal port; the median of each and their ratio are printed (target ≤ 1.2×).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { SIMULATED_SYSTEM_INFO } from '../electron/services/headless/simulated-device'
import { createRuntime } from '../shared/runtime'
import { evaluateScript } from '../shared/runtime/evaluate-script'

/** The last main before the wx API table (issue 13): `wx` had 55 members. */
export const BASELINE_COMMIT = 'b765118'
const LAUNCHES = 300
export const TARGET_WX_CREATION = 1.2

type CreateRuntime = typeof createRuntime

/** The baseline runtime's `createRuntime`, bundled from `BASELINE_COMMIT`'s shared/. */
async function baselineRuntime(): Promise<CreateRuntime> {
  // Beside the bench's own bundle, in its run's folder (bench/run.mjs): no other run shares it.
  const dir = fileURLToPath(new URL('baseline', import.meta.url))
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const archive = execFileSync('git', ['archive', BASELINE_COMMIT, 'shared'])
  execFileSync('tar', ['-x', '-C', dir], { input: archive })
  const outfile = join(dir, 'runtime.mjs')
  await build({
    entryPoints: [join(dir, 'shared/runtime/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    outfile,
  })
  return ((await import(pathToFileURL(outfile).href)) as { createRuntime: CreateRuntime })
    .createRuntime
}

/** ms from `createRuntime` to App `onLaunch` (told through the console). */
function launchTime(create: CreateRuntime): number {
  let launchedAt = 0
  const started = performance.now()
  const runtime = create({
    port: {
      console: () => (launchedAt = performance.now()),
      evaluate: evaluateScript,
      loadStorage: () => ({}),
      saveStorage: () => undefined,
      systemInfo: () => SIMULATED_SYSTEM_INFO,
      networkType: () => 'wifi',
      reportError: () => undefined,
    },
    appid: 'wx0000000000000001',
    files: {
      'app.js': 'App({ onLaunch() { console.log(Object.keys(wx).length) } })',
      'pages/index/index.js': 'Page({})',
    },
    appJson: { pages: ['pages/index/index'] },
  })
  runtime.launch()
  runtime.dispose()
  return launchedAt - started
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]

export interface WxCreation {
  table: number
  baseline: number
  ratio: number
}

export async function measureWxCreation(): Promise<WxCreation> {
  const baseline = await baselineRuntime()
  const times = { table: [] as number[], baseline: [] as number[] }
  // Warm-up: V8 compiles both runtimes' code paths before anything is measured.
  for (let i = 0; i < 50; i++) {
    launchTime(createRuntime)
    launchTime(baseline)
  }
  for (let i = 0; i < LAUNCHES; i++) {
    times.table.push(launchTime(createRuntime))
    times.baseline.push(launchTime(baseline))
  }
  const ratios = times.table.map((table, i) => table / times.baseline[i])
  return { table: median(times.table), baseline: median(times.baseline), ratio: median(ratios) }
}
