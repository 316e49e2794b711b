import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { demoProjectDir, isDemoProject } from './demo-project'

describe('demoProjectDir', () => {
  test('is resources/demo in the package root', () => {
    expect(demoProjectDir(join('/opt', 'mp-devtools'))).toBe(
      join('/opt', 'mp-devtools', 'resources', 'demo'),
    )
  })

  test('is outside the asar archive when packaged', () => {
    expect(demoProjectDir(join('/opt', 'MP DevTools', 'resources', 'app.asar'))).toBe(
      join('/opt', 'MP DevTools', 'resources', 'app.asar.unpacked', 'resources', 'demo'),
    )
  })
})

describe('isDemoProject', () => {
  test('recognises the demo folder however it is written', () => {
    expect(isDemoProject('/opt/mp-devtools/resources/demo/', '/opt/mp-devtools')).toBe(true)
    expect(isDemoProject('/opt/mp-devtools/x/../resources/demo', '/opt/mp-devtools')).toBe(true)
  })

  test('does not take another project for the demo', () => {
    expect(isDemoProject('/home/me/projects/demo', '/opt/mp-devtools')).toBe(false)
  })
})
