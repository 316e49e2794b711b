import { describe, expect, it } from 'vitest'
import { createWorkbenchUrlCheck } from './workbench-url'

describe('workbench URL check', () => {
  const isWorkbench = createWorkbenchUrlCheck({})

  it('accepts pages of mpdt://workbench, with a hash or query', () => {
    expect(isWorkbench('mpdt://workbench/index.html')).toBe(true)
    expect(isWorkbench('mpdt://workbench/index.html#/details?x=1')).toBe(true)
  })

  it('refuses another host of the scheme', () => {
    expect(isWorkbench('mpdt://evil/index.html')).toBe(false)
    expect(isWorkbench('mpdt://workbench.evil/index.html')).toBe(false)
  })

  it('refuses local files, even the built workbench', () => {
    expect(isWorkbench('file:///app/out/renderer/index.html')).toBe(false)
    expect(isWorkbench('file:///home/user/evil.html')).toBe(false)
  })

  it('refuses web pages and junk without a dev server', () => {
    expect(isWorkbench('http://localhost:5173/')).toBe(false)
    expect(isWorkbench('https://evil.example/')).toBe(false)
    expect(isWorkbench('not a url')).toBe(false)
  })

  it('accepts the dev server origin, and no other, during development', () => {
    const inDev = createWorkbenchUrlCheck({ devServerUrl: 'http://localhost:5173/' })
    expect(inDev('http://localhost:5173/index.html')).toBe(true)
    expect(inDev('http://localhost:5174/')).toBe(false)
    expect(inDev('http://evil.example:5173/')).toBe(false)
  })
})
