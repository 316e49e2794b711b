// `npm run bench:NAME` is `node bench/run.mjs NAME`: bundles bench/NAME.ts with esbuild into a
// folder of this run's own (`.bench-runs/NAME-XXXXXX/`), runs the bundle with plain Node from the
// repository root, then removes the folder. Two benches at once, the same bench twice, or benches
// of two checkouts sharing one node_modules never write over each other's bundle or baseline.
// The folder is two levels below the repository, where the e2e harness a bench imports finds the
// repository root, and the bundle's package imports resolve to the repository's node_modules.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const [name, ...args] = process.argv.slice(2)
const entry = join(ROOT, 'bench', `${name}.ts`)
if (!name || !existsSync(entry)) {
  console.error(`usage: node bench/run.mjs NAME [ARGS…] runs bench/NAME.ts; there is no ${entry}`)
  process.exit(2)
}

const runs = join(ROOT, '.bench-runs')
mkdirSync(runs, { recursive: true })
const dir = mkdtempSync(join(runs, `${name}-`))
// Ctrl-C reaches the bench too; this process waits for it to end and then removes the folder.
process.on('SIGINT', () => undefined)
process.on('SIGTERM', () => undefined)
try {
  const outfile = join(dir, `${name}.mjs`)
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    outfile,
  })
  process.exitCode = await new Promise((done) => {
    const bench = spawn(process.execPath, [outfile, ...args], { cwd: ROOT, stdio: 'inherit' })
    bench.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)))
  })
} finally {
  rmSync(dir, { recursive: true, force: true })
}
