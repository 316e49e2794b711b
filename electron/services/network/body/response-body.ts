import type { Transform } from 'node:stream'
import type { Dispatcher } from 'undici'
import type { BandwidthPacer } from '../conditions/network-condition'
import { BodyCollector } from './body-collector'

export interface ResponseBodyEvents {
  /** A decoded chunk, in order. */
  onChunk(chunk: Buffer): void
  /** Every byte has been delivered. */
  onComplete(): void
  /** The content-encoding could not be undone. */
  onDecodingError(): void
  /** The decoded body passed `maxSize` with `overflow: 'fail'`. */
  onTooLarge(): void
}

export interface ResponseBodyOptions {
  /** From `createContentDecoder`; undefined passes bytes as they are. */
  decoders?: Transform[]
  /** content-length, used only for an unencoded body. */
  expectedSize?: number
  /** The simulated download bandwidth. */
  pacer?: BandwidthPacer
  /** Keep the decoded body for `result()`; a download streams it to a file instead. @default true */
  collect?: boolean
  /** Decoded bytes the kept body may have. @default unlimited */
  maxSize?: number
  /**
   * Past `maxSize`: `fail` stops reading and decoding (`onTooLarge`); `stop-keeping` goes on
   * handing chunks over but drops the kept copy, so `result()` is empty. @default 'fail'
   */
  overflow?: 'fail' | 'stop-keeping'
}

/**
 * One response body on its way from the socket to the caller: paced to the simulated bandwidth,
 * decoded, collected into one buffer and handed on chunk by chunk. undici is paused whenever a
 * stage is behind (pacing wait, decoder full) and resumed when it catches up.
 */
export class ResponseBody {
  encodedSize = 0
  decodedSize = 0
  private collector: BodyCollector
  private readonly decoders: Transform[] | undefined
  private readonly pacer: BandwidthPacer | undefined
  private collect: boolean
  private readonly maxSize: number
  private readonly overflow: 'fail' | 'stop-keeping'
  private backlog: Buffer[] = []
  private paceTimer: NodeJS.Timeout | undefined
  private inputEnded = false
  private destroyed = false

  constructor(
    private readonly controller: Dispatcher.DispatchController,
    options: ResponseBodyOptions,
    private readonly events: ResponseBodyEvents,
  ) {
    this.decoders = options.decoders
    this.pacer = options.pacer
    this.collect = options.collect ?? true
    this.maxSize = options.maxSize ?? Infinity
    this.overflow = options.overflow ?? 'fail'
    this.collector = new BodyCollector(this.decoders ? undefined : options.expectedSize)
    if (this.decoders) this.wireDecoders(this.decoders)
  }

  /** Raw (possibly encoded) bytes from the socket. */
  receive(chunk: Buffer): void {
    this.encodedSize += chunk.byteLength
    const wait = this.pacer?.delayFor(chunk.byteLength) ?? 0
    if (wait === 0 && !this.paceTimer) {
      this.consume(chunk)
      return
    }
    this.backlog.push(chunk)
    this.controller.pause()
    this.paceTimer ??= setTimeout(() => {
      this.paceTimer = undefined
      const chunks = this.backlog
      this.backlog = []
      for (const paced of chunks) this.consume(paced)
      if (this.inputEnded) this.finishInput()
      else if (!this.destroyed) this.controller.resume()
    }, wait)
  }

  /** The socket delivered the last byte. */
  end(): void {
    this.inputEnded = true
    if (!this.paceTimer) this.finishInput()
  }

  result(): Uint8Array {
    return this.collector.result()
  }

  destroy(): void {
    this.destroyed = true
    clearTimeout(this.paceTimer)
    this.backlog = []
    for (const decoder of this.decoders ?? []) decoder.destroy()
  }

  private wireDecoders(decoders: Transform[]): void {
    for (let i = 0; i < decoders.length; i++) {
      decoders[i].on('error', () => !this.destroyed && this.events.onDecodingError())
      if (i + 1 < decoders.length) decoders[i].pipe(decoders[i + 1])
    }
    const last = decoders[decoders.length - 1]
    last.on('data', (chunk: Buffer) => !this.destroyed && this.deliver(chunk))
    last.on('end', () => !this.destroyed && this.events.onComplete())
    decoders[0].on('drain', () => !this.destroyed && this.controller.resume())
  }

  private consume(chunk: Buffer): void {
    if (this.destroyed) return
    if (!this.decoders) this.deliver(chunk)
    else if (!this.decoders[0].write(chunk)) this.controller.pause()
  }

  private deliver(chunk: Buffer): void {
    this.decodedSize += chunk.byteLength
    if (this.collect && this.decodedSize > this.maxSize) {
      // Measured on decoded bytes, so a small compressed body cannot inflate past the cap.
      this.collector = new BodyCollector()
      if (this.overflow === 'fail') {
        this.destroy()
        this.events.onTooLarge()
        return
      }
      this.collect = false
    }
    if (this.collect) this.collector.push(chunk)
    this.events.onChunk(chunk)
  }

  private finishInput(): void {
    if (this.destroyed) return
    if (this.decoders) this.decoders[0].end()
    else this.events.onComplete()
  }
}
