import {
  THROTTLE_PROFILES,
  type NetworkCondition,
  type ThrottleProfile,
} from '../../../../shared/network'

/** The throttle profile of a condition, or undefined for online/offline. */
export function throttleProfileOf(
  condition: NetworkCondition | undefined,
): ThrottleProfile | undefined {
  if (condition === undefined || condition === 'online' || condition === 'offline') return undefined
  return typeof condition === 'string' ? THROTTLE_PROFILES[condition] : condition
}

/**
 * Paces bytes to a bandwidth: each call books `bytes` on the link and says how long to wait
 * before they may pass. Bursts up to 50 ms of bandwidth pass without waiting.
 */
export class BandwidthPacer {
  private availableAt = 0

  constructor(
    private readonly bytesPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  delayFor(bytes: number): number {
    if (!(this.bytesPerSecond > 0)) return 0
    const now = this.now()
    this.availableAt = Math.max(this.availableAt, now) + (bytes / this.bytesPerSecond) * 1000
    const wait = this.availableAt - now
    return wait > 50 ? wait : 0
  }
}

/** A request body paced to the upload bandwidth, in 16 KB slices. */
export async function* pacedBody(body: Uint8Array, bytesPerSecond: number) {
  const pacer = new BandwidthPacer(bytesPerSecond)
  const slice = 16 * 1024
  for (let offset = 0; offset < body.byteLength; offset += slice) {
    const part = body.subarray(offset, offset + slice)
    const wait = pacer.delayFor(part.byteLength)
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    yield part
  }
}
