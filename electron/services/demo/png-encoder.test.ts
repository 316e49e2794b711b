import { describe, expect, test } from 'vitest'
import { encodePng } from './png-encoder'

/** The chunks of a PNG: type, data and stored CRC. */
function chunks(png: Buffer): { type: string; data: Buffer; crc: number }[] {
  const found = []
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    found.push({
      type,
      data: png.subarray(offset + 8, offset + 8 + length),
      crc: png.readUInt32BE(offset + 8 + length),
    })
    offset += 12 + length
  }
  return found
}

describe('encodePng', () => {
  const png = encodePng(2, 1, new Uint8Array([255, 0, 0, 255, 0, 0, 255, 128]))

  test('writes the PNG signature and IHDR, IDAT, IEND in order', () => {
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))
    expect(chunks(png).map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND'])
  })

  test('declares the size, 8 bits per channel and RGBA', () => {
    const header = chunks(png)[0].data
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([
      2, 1, 8, 6,
    ])
  })

  test('checksums each chunk with the CRC-32 of PNG', () => {
    // IEND has no data, so its CRC is the same constant in every PNG.
    expect(chunks(png)[2].crc).toBe(0xae426082)
  })

  test('refuses pixel data of the wrong length', () => {
    expect(() => encodePng(2, 2, new Uint8Array(4))).toThrow(RangeError)
  })
})
