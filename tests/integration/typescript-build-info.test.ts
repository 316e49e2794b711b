/**
 * TypeScript's incremental build info is per checkout: git worktrees share one `node_modules`
 * (a symlink), so build info written there by one checkout would be read, and overwritten, by
 * another's typecheck. Each tsconfig that keeps build info keeps it in the checkout's own
 * ignored `.cache/`.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'jsonc-parser'
import { describe, expect, it } from 'vitest'

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const tsconfigs = readdirSync(REPO_ROOT).filter((name) => /^tsconfig.*\.json$/.test(name))

function buildInfoFile(name: string): string | undefined {
  const path = join(REPO_ROOT, name)
  const config = parse(readFileSync(path, 'utf8')) as {
    compilerOptions?: { tsBuildInfoFile?: string }
  }
  const file = config.compilerOptions?.tsBuildInfoFile
  return file === undefined ? undefined : resolve(dirname(path), file)
}

describe('TypeScript build info', () => {
  it('is kept by the typechecked projects', () => {
    expect(buildInfoFile('tsconfig.node.json')).toBeDefined()
    expect(buildInfoFile('tsconfig.web.json')).toBeDefined()
  })

  it.each(tsconfigs)(
    '%s keeps it in the checkout, outside node_modules, ignored by git',
    (name) => {
      const file = buildInfoFile(name)
      if (file === undefined) return
      const inRepo = relative(REPO_ROOT, file)
      expect(inRepo.startsWith('..')).toBe(false)
      expect(inRepo.split(/[\\/]/)).not.toContain('node_modules')
      // Exits non-zero (throws) when the path is not ignored.
      const ignored = execFileSync('git', ['check-ignore', '--no-index', inRepo], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      })
      expect(ignored.trim()).toBe(inRepo)
    },
  )
})
