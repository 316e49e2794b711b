/**
 * JSON text frames that keep binary data: a `Uint8Array` or `ArrayBuffer` is written as
 * `{ "$bytes": "<base64>" }` and read back as a `Uint8Array`. Used by the browser-mode WebSocket
 * (Electron IPC clones binary data natively and needs no codec).
 */

const BYTES_KEY = '$bytes'

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const step = 0x8000
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step))
  }
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key, item: unknown) {
    // The holder's own value: JSON.stringify has already replaced a Node Buffer by its toJSON().
    const raw = (this as Record<string, unknown>)[key]
    if (raw instanceof Uint8Array) return { [BYTES_KEY]: toBase64(raw) }
    if (item instanceof Uint8Array) return { [BYTES_KEY]: toBase64(item) }
    if (item instanceof ArrayBuffer) return { [BYTES_KEY]: toBase64(new Uint8Array(item)) }
    return item
  })
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (
      typeof item === 'object' &&
      item !== null &&
      Object.keys(item).length === 1 &&
      typeof (item as Record<string, unknown>)[BYTES_KEY] === 'string'
    ) {
      return fromBase64((item as Record<string, string>)[BYTES_KEY])
    }
    return item
  })
}
