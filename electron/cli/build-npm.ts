/** `mpdt build-npm <dir>`: 构建 npm, as 工具 → 构建 npm does; exit 2 on bad input. */
import { resolve } from 'node:path'
import type { NpmBuildReport } from '../../shared/npm-build'
import { buildNpm } from '../services/npm'
import { commandLineCwd } from './app-paths'

const BUILD_NPM_USAGE = `Usage: mpdt build-npm <dir>

Builds miniprogram_npm from the dependencies of each package.json inside the mini-program root
(or setting.packNpmRelationList with setting.packNpmManually), as WeChat's 工具 → 构建 npm does.
Prints what was built; exits 2 with the reason when the project cannot be built.
`

export async function buildNpmCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(BUILD_NPM_USAGE)
    return 0
  }
  if (args.length !== 1 || args[0].startsWith('-')) {
    process.stderr.write(BUILD_NPM_USAGE)
    return 2
  }
  const dir = resolve(commandLineCwd(), args[0])
  const result = await buildNpm(dir, ({ name, done, total }) => {
    if (name !== '' && process.stderr.isTTY)
      process.stderr.write(`[${done + 1}/${total}] ${name}\n`)
  })
  if (!result.ok) {
    process.stderr.write(`mpdt build-npm: ${result.error.message}\n`)
    return 2
  }
  process.stdout.write(formatNpmBuildReport(result.value))
  return 0
}

export function formatNpmBuildReport(report: NpmBuildReport): string {
  const lines: string[] = []
  for (const target of report.targets) {
    lines.push(`${target.packageJson} → ${target.miniprogramNpm}/`)
    for (const pkg of target.packages) {
      const how = pkg.kind === 'copied' ? 'mini-program package, copied' : 'bundled into index.js'
      lines.push(`  ${pkg.name}: ${how} (${pkg.files} file(s), ${pkg.bytes} bytes)`)
    }
    if (target.packages.length === 0) lines.push('  (no dependencies)')
  }
  return `${lines.join('\n')}\n`
}
