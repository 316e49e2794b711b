/**
 * The picture `/download/photo.png` serves: a dusk landscape (sky gradient, sun, three mountain
 * ridges, a lake), drawn procedurally so it is the same on every machine.
 */
import { encodePng } from './png-encoder'

export const DEMO_PHOTO_WIDTH = 640
export const DEMO_PHOTO_HEIGHT = 400

type Rgb = readonly [number, number, number]

const SKY_TOP: Rgb = [38, 45, 110]
const SKY_BOTTOM: Rgb = [255, 170, 120]
const SUN: Rgb = [255, 236, 170]
const RIDGES: readonly { color: Rgb; base: number; height: number; waves: number[] }[] = [
  { color: [122, 92, 150], base: 0.62, height: 0.22, waves: [1.7, 3.1, 0.4] },
  { color: [78, 62, 120], base: 0.7, height: 0.16, waves: [2.3, 5.2, 1.9] },
  { color: [40, 38, 82], base: 0.78, height: 0.1, waves: [3.7, 7.4, 2.6] },
]
const WATER: Rgb = [30, 50, 96]

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
}

function ridgeTop(ridge: (typeof RIDGES)[number], x: number): number {
  const [a, b, phase] = ridge.waves
  const wave =
    0.55 * Math.sin(x * a * Math.PI + phase) + 0.45 * Math.sin(x * b * Math.PI + phase * 2)
  return ridge.base - ridge.height * (0.5 + 0.5 * wave)
}

/** The colour at (u, v), both from 0 to 1, before the lake's reflection. */
function land(u: number, v: number): Rgb {
  let color = mix(SKY_TOP, SKY_BOTTOM, Math.min(1, v / 0.75) ** 1.4)
  const sunDistance = Math.hypot((u - 0.68) * 1.6, v - 0.5)
  color = mix(color, SUN, Math.max(0, Math.min(1, (0.11 - sunDistance) / 0.01)))
  color = mix(color, SUN, 0.35 * Math.max(0, 1 - sunDistance / 0.35) ** 2)
  for (const ridge of RIDGES) {
    // One pixel of soft edge, so the ridge lines are antialiased.
    const edge = Math.max(0, Math.min(1, (v - ridgeTop(ridge, u)) * DEMO_PHOTO_HEIGHT + 0.5))
    color = mix(color, ridge.color, edge)
  }
  return color
}

/** The demo photo as PNG bytes. */
export function drawDemoPhoto(): Buffer {
  const width = DEMO_PHOTO_WIDTH
  const height = DEMO_PHOTO_HEIGHT
  const shore = 0.8
  const rgba = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    const v = y / height
    for (let x = 0; x < width; x++) {
      const u = x / width
      let color: Rgb
      if (v < shore) {
        color = land(u, v)
      } else {
        // The lake mirrors the land above the shore, darkened and rippled.
        const depth = (v - shore) / (1 - shore)
        const ripple = 0.004 * Math.sin(v * 180 + u * 12)
        color = mix(land(u + ripple, 2 * shore - v), WATER, 0.35 + 0.45 * depth)
      }
      const offset = (y * width + x) * 4
      rgba[offset] = Math.round(color[0])
      rgba[offset + 1] = Math.round(color[1])
      rgba[offset + 2] = Math.round(color[2])
      rgba[offset + 3] = 255
    }
  }
  return encodePng(width, height, rgba)
}
