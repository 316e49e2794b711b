import { describe, expect, it } from 'vitest'
import { projectDirFromArgv } from './launch-args'

describe('project folder from the Electron command line', () => {
  it('takes the argument after the app path in development, relative to the working folder', () => {
    expect(projectDirFromArgv(['electron', '/app', 'demo'], false, '/home/me')).toBe(
      '/home/me/demo',
    )
  })

  it('takes the first argument of a packaged app', () => {
    expect(projectDirFromArgv(['/opt/mpdt', '/work/p'], true, '/')).toBe('/work/p')
  })

  it('skips Chromium switches', () => {
    expect(projectDirFromArgv(['electron', '/app', '--no-sandbox', '/p'], false, '/')).toBe('/p')
  })

  it('answers undefined when no folder was given', () => {
    expect(projectDirFromArgv(['electron', '/app'], false, '/')).toBeUndefined()
  })
})
