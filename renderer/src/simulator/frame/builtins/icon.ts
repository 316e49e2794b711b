/**
 * `<icon>`: WeChat's icon set as inline SVG (24-unit grid), `size` in px (default 23) and `color`
 * (default per type, as WeChat draws them); role=img named by its type.
 */
import type * as glassEasel from 'glass-easel'
import { cssLength } from './css-length'
import { defineBuiltin, type Data } from './define'

interface IconShape {
  color: string
  /** A filled disc behind a white glyph, or the glyph alone in the icon's colour. */
  disc: boolean
  /** Glyph paths, stroked (2 units) unless `fill` is set. */
  glyph: string[]
  fill?: boolean
}

export const ICONS: Record<string, IconShape> = {
  success: { color: '#09BB07', disc: true, glyph: ['M7 12.5l3.2 3.2L17.5 8.5'] },
  success_no_circle: { color: '#09BB07', disc: false, glyph: ['M4 12.5l5 5L20.5 6'] },
  info: { color: '#10AEFF', disc: true, glyph: ['M12 10.5v7', 'M12 6.5v1.5'] },
  warn: { color: '#F76260', disc: true, glyph: ['M12 6.5v7', 'M12 16v1.5'] },
  waiting: { color: '#10AEFF', disc: true, glyph: ['M12 6.5V12l3.5 3.5'] },
  cancel: { color: '#F43530', disc: true, glyph: ['M8 8l8 8', 'M16 8l-8 8'] },
  download: { color: '#09BB07', disc: true, glyph: ['M12 6.5v9', 'M8 12l4 4 4-4'] },
  search: {
    color: '#B2B2B2',
    disc: false,
    glyph: ['M10.5 4.5a6 6 0 1 1 0 12a6 6 0 1 1 0-12z', 'M15 15l5 5'],
  },
  clear: { color: '#B2B2B2', disc: true, glyph: ['M8.5 8.5l7 7', 'M15.5 8.5l-7 7'] },
}

const SVG = 'http://www.w3.org/2000/svg'

/** `size` as CSS: a bare number is px; `rpx` converts for the device width. */
export function iconSize(size: unknown, deviceWidth: number): string {
  return cssLength(size, deviceWidth)
}

export function defineIcon(space: glassEasel.ComponentSpace, deviceWidth: number): void {
  defineBuiltin(space, 'icon', {
    properties: {
      type: { type: String, value: '' },
      size: { type: null, value: 23 },
      color: { type: String, value: '' },
    },
    render({ host }) {
      host.setAttribute('role', 'img')
      return (d: Data) => {
        const type = String(d.type)
        const shape = ICONS[type]
        host.setAttribute('aria-label', type)
        host.replaceChildren()
        if (!shape) return
        const color = String(d.color || shape.color)
        const size = iconSize(d.size, deviceWidth)
        const doc = host.ownerDocument
        const svg = doc.createElementNS(SVG, 'svg')
        svg.setAttribute('viewBox', '0 0 24 24')
        svg.setAttribute('width', size)
        svg.setAttribute('height', size)
        svg.setAttribute('aria-hidden', 'true')
        if (shape.disc) {
          const disc = doc.createElementNS(SVG, 'circle')
          disc.setAttribute('cx', '12')
          disc.setAttribute('cy', '12')
          disc.setAttribute('r', '11')
          disc.setAttribute('fill', color)
          svg.appendChild(disc)
        }
        for (const d of shape.glyph) {
          const path = doc.createElementNS(SVG, 'path')
          path.setAttribute('d', d)
          path.setAttribute('fill', 'none')
          path.setAttribute('stroke', shape.disc ? '#ffffff' : color)
          path.setAttribute('stroke-width', '2')
          path.setAttribute('stroke-linecap', 'round')
          path.setAttribute('stroke-linejoin', 'round')
          svg.appendChild(path)
        }
        host.appendChild(svg)
      }
    },
  })
}
