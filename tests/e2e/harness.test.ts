import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHROMIUM_PATH, REPO_ROOT, requireChromium } from './harness'

describe('e2e harness', () => {
  it('fails with the install command when Chromium is missing', () => {
    expect(() => requireChromium('/nonexistent/chromium')).toThrow(
      'Chromium not found: run apt-get install -y chromium',
    )
  })

  it('finds Debian’s Chromium on this machine', () => {
    expect(() => requireChromium(CHROMIUM_PATH)).not.toThrow()
  })

  it('is the one place that knows how to reach the phone’s frame (e2e.phone())', () => {
    const folder = join(REPO_ROOT, 'tests', 'e2e')
    const spelling = /frameLocator\(\s*['"`]iframe\.simulator-frame/
    const specs = readdirSync(folder).filter((name) => name.endsWith('.test.ts'))
    expect(specs.length).toBeGreaterThan(10)
    const spelt = specs.filter((name) => spelling.test(readFileSync(join(folder, name), 'utf8')))
    expect(spelt).toEqual([])
  })
})
