/**
 * The encodings `FileSystemManager.readFile`/`writeFile` accept, without Node's Buffer (the
 * runtime also runs in a browser frame). No encoding reads an ArrayBuffer.
 */

export const FILE_ENCODINGS = [
  'utf8',
  'utf-8',
  'base64',
  'hex',
  'binary',
  'latin1',
  'ascii',
  'ucs2',
  'ucs-2',
  'utf16le',
  'utf-16le',
] as const

export type FileEncoding = (typeof FILE_ENCODINGS)[number]

export function isFileEncoding(value: unknown): value is FileEncoding {
  return (FILE_ENCODINGS as readonly unknown[]).includes(value)
}

const utf8Decoder = new TextDecoder('utf-8')
const utf16Decoder = new TextDecoder('utf-16le')
const utf8Encoder = new TextEncoder()

export function decodeBytes(bytes: Uint8Array, encoding: FileEncoding): string {
  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return utf8Decoder.decode(bytes)
    case 'base64': {
      let binary = ''
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      }
      return btoa(binary)
    }
    case 'hex':
      return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
    case 'ascii':
      return Array.from(bytes, (byte) => String.fromCharCode(byte & 0x7f)).join('')
    case 'binary':
    case 'latin1':
      return Array.from(bytes, (byte) => String.fromCharCode(byte)).join('')
    default:
      return utf16Decoder.decode(bytes)
  }
}

export function encodeText(text: string, encoding: FileEncoding): Uint8Array {
  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return utf8Encoder.encode(text)
    case 'base64':
      return Uint8Array.from(atob(text.replace(/[^A-Za-z0-9+/=]/g, '')), (c) => c.charCodeAt(0))
    case 'hex': {
      const pairs = text.match(/[0-9a-f]{2}/gi) ?? []
      return Uint8Array.from(pairs, (pair) => parseInt(pair, 16))
    }
    case 'ascii':
    case 'binary':
    case 'latin1':
      return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff)
    default: {
      const bytes = new Uint8Array(text.length * 2)
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i)
        bytes[i * 2] = code & 0xff
        bytes[i * 2 + 1] = code >> 8
      }
      return bytes
    }
  }
}
