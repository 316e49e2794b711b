import { describe, expect, it } from 'vitest'
import { createEventChannel } from './event-channel'

describe('EventChannel', () => {
  it('once listens for one emit only, off removes one listener or all of a name', () => {
    const errors: unknown[] = []
    const { opener, opened } = createEventChannel((error) => errors.push(error), undefined)
    const got: string[] = []
    const keep = (v: string) => got.push(`keep ${v}`)
    const dropped = (v: string) => got.push(`dropped ${v}`)
    opened.once('x', (v: string) => got.push(`once ${v}`))
    opened.on('x', keep)
    opened.on('x', dropped)
    opener.emit('x', '1')
    opened.off('x', dropped)
    opener.emit('x', '2')
    opened.off('x')
    opener.emit('x', '3')
    expect(got).toEqual(['once 1', 'keep 1', 'dropped 1', 'keep 2'])
    expect(errors).toEqual([])
  })

  it('reports a throwing listener and still calls the others', () => {
    const errors: unknown[] = []
    const { opener, opened } = createEventChannel((error) => errors.push(error), {
      back: () => {
        throw new Error('listener failed')
      },
    })
    let called = false
    opener.on('back', () => {
      called = true
    })
    opened.emit('back')
    expect(called).toBe(true)
    expect(errors).toEqual([new Error('listener failed')])
  })
})
