import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createWorkbenchUrlCheck } from './workbench-url'

const rendererDir = '/app/out/renderer'
const fileUrl = (path: string) => pathToFileURL(path).href

describe('workbench URL check', () => {
  const isWorkbench = createWorkbenchUrlCheck({ rendererDir })

  it('accepts the built workbench page, with a hash or query', () => {
    expect(isWorkbench(fileUrl('/app/out/renderer/index.html'))).toBe(true)
    expect(isWorkbench(`${fileUrl('/app/out/renderer/index.html')}#/details?x=1`)).toBe(true)
  })

  it('refuses other local files, also reached by dot segments', () => {
    expect(isWorkbench(fileUrl('/home/user/evil.html'))).toBe(false)
    expect(isWorkbench('file:///app/out/renderer/../evil.html')).toBe(false)
    expect(isWorkbench('file:///app/out/renderer/%2e%2e/evil.html')).toBe(false)
    expect(isWorkbench('file:///app/out/renderer-evil/index.html')).toBe(false)
  })

  it('refuses a file URL on another host', () => {
    expect(isWorkbench('file://evil.example/app/out/renderer/index.html')).toBe(false)
  })

  it('refuses web pages and junk without a dev server', () => {
    expect(isWorkbench('http://localhost:5173/')).toBe(false)
    expect(isWorkbench('https://evil.example/')).toBe(false)
    expect(isWorkbench('not a url')).toBe(false)
  })

  it('accepts the dev server origin, and no other, during development', () => {
    const inDev = createWorkbenchUrlCheck({ rendererDir, devServerUrl: 'http://localhost:5173/' })
    expect(inDev('http://localhost:5173/index.html')).toBe(true)
    expect(inDev('http://localhost:5174/')).toBe(false)
    expect(inDev('http://evil.example:5173/')).toBe(false)
  })
})
