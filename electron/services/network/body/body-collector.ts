/**
 * Gathers a response body into one Uint8Array. With a trustworthy length (content-length of an
 * unencoded body) the buffer is allocated once and chunks are copied straight in, so a 100 MB
 * body costs about 100 MB, not a list of chunks plus their concatenation.
 */
export class BodyCollector {
  private buffer: Uint8Array | undefined
  private chunks: Uint8Array[] = []
  private size = 0

  /** `expectedSize` is a hint; more or fewer bytes are still handled correctly. */
  constructor(expectedSize?: number) {
    if (expectedSize !== undefined && expectedSize > 0) {
      this.buffer = Buffer.allocUnsafeSlow(expectedSize)
    }
  }

  get received(): number {
    return this.size
  }

  push(chunk: Uint8Array): void {
    if (this.buffer && this.size + chunk.byteLength <= this.buffer.byteLength) {
      this.buffer.set(chunk, this.size)
    } else {
      if (this.buffer) {
        // The server sent more than announced: keep what was copied and fall back to a list.
        this.chunks.push(this.buffer.subarray(0, this.size))
        this.buffer = undefined
      }
      this.chunks.push(chunk)
    }
    this.size += chunk.byteLength
  }

  result(): Uint8Array {
    if (this.buffer) return this.buffer.subarray(0, this.size)
    if (this.chunks.length === 1) return this.chunks[0]
    return Buffer.concat(this.chunks, this.size)
  }
}
