import { describe, expect, it } from 'vitest'
import { decodeWire, encodeWire } from './wire-codec'

describe('wire codec', () => {
  it('a Uint8Array survives a JSON frame byte for byte', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 256)
    const decoded = decodeWire(encodeWire({ chunk: bytes })) as { chunk: Uint8Array }
    expect(decoded.chunk).toBeInstanceOf(Uint8Array)
    expect(Array.from(decoded.chunk)).toEqual(Array.from(bytes))
  })
  it('an ArrayBuffer arrives as a Uint8Array of the same bytes', () => {
    const buffer = new Uint8Array([0, 255, 10]).buffer
    expect(decodeWire(encodeWire([buffer]))).toEqual([new Uint8Array([0, 255, 10])])
  })
  it('ordinary objects with other keys are left alone', () => {
    const value = { $bytes: 'AA==', other: 1 }
    expect(decodeWire(encodeWire(value))).toEqual(value)
  })
  it('bytes with their own toJSON (a Node Buffer) are still sent as bytes', () => {
    class BufferLike extends Uint8Array {
      toJSON() {
        return { type: 'Buffer', data: Array.from(this) }
      }
    }
    const decoded = decodeWire(encodeWire({ body: new BufferLike([1, 2, 3]) }))
    expect(decoded).toEqual({ body: new Uint8Array([1, 2, 3]) })
  })
})
