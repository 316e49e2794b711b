import { describe, expect, it } from 'vitest'
import { CHROMIUM_PATH, requireChromium } from './harness'

describe('e2e harness', () => {
  it('fails with the install command when Chromium is missing', () => {
    expect(() => requireChromium('/nonexistent/chromium')).toThrow(
      'Chromium not found: run apt-get install -y chromium',
    )
  })

  it('finds Debian’s Chromium on this machine', () => {
    expect(() => requireChromium(CHROMIUM_PATH)).not.toThrow()
  })
})
