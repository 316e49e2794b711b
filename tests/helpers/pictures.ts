/** Pictures made at test time, so pages have real files to show. */
import { encodePng } from '../../electron/services/demo/png-encoder'

/** A real PNG of `width`×`height` grey pixels. */
export function png(width: number, height: number): Buffer {
  return encodePng(width, height, new Uint8Array(width * height * 4).fill(0x80))
}
