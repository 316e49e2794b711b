/**
 * `npm run bench:npm`: 构建 npm on a project depending on tdesign-miniprogram, @vant/weapp,
 * tslib and dayjs (node_modules linked from this repository's install), against a baseline in
 * the same run: a plain recursive copy (`fs.cp`) of the same mini-program folders. Each round
 * runs in a fresh child process so peak RSS (`process.resourceUsage().maxRSS`) is its own; prints
 * the medians and the ratios. A benchmark, not a test: nothing here fails on a slow machine.
 */
import { execFileSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildNpm } from '../electron/services/npm'

const ROUNDS = 5
const PACKAGES = ['tdesign-miniprogram', '@vant/weapp', 'tslib', 'dayjs']
/** What the baseline copies: the folders 构建 npm copies for the mini-program packages. */
const COPIED = { 'tdesign-miniprogram': 'miniprogram_dist', '@vant/weapp': 'lib' }

interface Sample {
  ms: number
  maxRssMb: number
}

/** In the child: one build or one copy into `dir`, then its time and peak RSS on stdout. */
async function child(kind: string, dir: string): Promise<void> {
  const started = performance.now()
  if (kind === 'build') {
    const result = await buildNpm(dir)
    if (!result.ok) throw new Error(result.error.message)
  } else {
    for (const [name, folder] of Object.entries(COPIED)) {
      const target = join(dir, 'copy', name)
      await mkdir(target, { recursive: true })
      await cp(join(dir, 'node_modules', name, folder), target, {
        recursive: true,
        dereference: true,
      })
    }
  }
  const sample: Sample = {
    ms: performance.now() - started,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }
  process.stdout.write(JSON.stringify(sample))
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mpdt-bench-npm-'))
  try {
    await writeFile(
      join(dir, 'project.config.json'),
      JSON.stringify({ appid: 'touristappid', compileType: 'miniprogram' }),
    )
    await writeFile(join(dir, 'app.json'), JSON.stringify({ pages: ['pages/index/index'] }))
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ dependencies: Object.fromEntries(PACKAGES.map((name) => [name, '*'])) }),
    )
    // Linked from this repository's install, as pnpm links them.
    for (const name of PACKAGES) {
      const link = join(dir, 'node_modules', name)
      await mkdir(dirname(link), { recursive: true })
      await symlink(resolve('node_modules', name), link, 'dir')
    }
    const samples: Record<string, Sample[]> = { build: [], copy: [] }
    const self = resolve(process.argv[1])
    for (let round = 0; round <= ROUNDS; round++) {
      // Alternating order, and round 0 only warms the file-system cache.
      for (const kind of round % 2 === 0 ? ['build', 'copy'] : ['copy', 'build']) {
        await rm(join(dir, 'copy'), { recursive: true, force: true })
        const out = execFileSync(process.execPath, [self, kind, dir], { encoding: 'utf8' })
        if (round > 0) samples[kind].push(JSON.parse(out) as Sample)
      }
    }
    const row = (kind: string) => ({
      ms: median(samples[kind].map((s) => s.ms)),
      rss: median(samples[kind].map((s) => s.maxRssMb)),
    })
    const build = row('build')
    const copy = row('copy')
    console.log(
      `构建 npm of ${PACKAGES.join(' + ')}; median of ${ROUNDS} rounds, each in its own process`,
    )
    console.log(
      `load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    )
    console.log(
      `plain copy of the mini-program folders: ${copy.ms.toFixed(0)} ms, peak RSS ${copy.rss.toFixed(0)} MB`,
    )
    console.log(
      `mpdt build-npm:                         ${build.ms.toFixed(0)} ms, peak RSS ${build.rss.toFixed(0)} MB`,
    )
    console.log(
      `ratio: time ${(build.ms / copy.ms).toFixed(2)}×, peak RSS ${(build.rss / copy.rss).toFixed(2)}× (target ≤ 3×)`,
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const [kind, dir] = process.argv.slice(2)
await (kind ? child(kind, dir) : main())
