import { describe, expect, it } from 'vitest'
import { projectStack } from './project-stack'

describe('projectStack', () => {
  it('keeps the message and the frames in project files only', () => {
    const stack = [
      'Error: exploded: in a timer',
      '    at explode (utils/explode.js:3:9)',
      '    at Timeout._onTimeout (pages/index/index.js:18:22)',
      '    at callGuarded (file:///work/main/out/main/cli.js:120:33)',
      '    at listOnTimeout (node:internal/timers:581:17)',
      '    at /work/main/out/main/cli.js:10:1',
      '    at pages/index/index.js:4:1',
    ].join('\n')
    expect(projectStack(stack)).toBe(
      [
        'Error: exploded: in a timer',
        '    at explode (utils/explode.js:3:9)',
        '    at Timeout._onTimeout (pages/index/index.js:18:22)',
        '    at pages/index/index.js:4:1',
      ].join('\n'),
    )
  })

  it('keeps a multi-line message whole', () => {
    const stack = 'Error: first\nsecond\n    at f (app.js:1:1)\n    at node:internal/x:1:1'
    expect(projectStack(stack)).toBe('Error: first\nsecond\n    at f (app.js:1:1)')
  })

  it('keeps the stack as it is when no frame is in the project', () => {
    const stack = 'Error: x\n    at node:internal/timers:1:1'
    expect(projectStack(stack)).toBe(stack)
  })

  it('keeps a stack without frames', () => {
    expect(projectStack('just a message')).toBe('just a message')
  })
})
