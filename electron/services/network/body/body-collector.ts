/**
 * Gathers a response body into one Uint8Array. A body that arrives in one chunk is kept as is (no
 * copy). With a trustworthy length (content-length of an unencoded body) a body in several chunks
 * is copied into one buffer allocated once, so a 100 MB body costs about 100 MB, not a list of
 * chunks plus their concatenation. Without a length, or when it was wrong, chunks are listed and
 * joined at the end.
 */
export class BodyCollector {
  private single: Uint8Array | undefined
  private buffer: Uint8Array | undefined
  private chunks: Uint8Array[] = []
  private size = 0

  /** `expectedSize` is a hint; more or fewer bytes are still handled correctly. */
  constructor(private readonly expectedSize?: number) {}

  push(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return
    if (this.size === 0) {
      this.single = chunk
      this.size = chunk.byteLength
      return
    }
    if (this.single) {
      const first = this.single
      this.single = undefined
      if (this.expectedSize && this.expectedSize >= this.size + chunk.byteLength) {
        this.buffer = Buffer.allocUnsafeSlow(this.expectedSize)
        this.buffer.set(first)
      } else {
        this.chunks.push(first)
      }
    }
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
    if (this.single) return this.single
    if (this.buffer) return this.buffer.subarray(0, this.size)
    return Buffer.concat(this.chunks, this.size)
  }
}
