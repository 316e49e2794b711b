// Short texts for results shown on cards and printed to the console.

function shorten(text, max) {
  const limit = max || 120
  return text.length > limit ? `${text.slice(0, limit)}…` : text
}

function toText(data) {
  if (typeof data === 'string') return data
  if (data instanceof ArrayBuffer) return `ArrayBuffer(${data.byteLength})`
  return JSON.stringify(data)
}

function hexBytes(buffer, count) {
  return Array.from(new Uint8Array(buffer).slice(0, count))
    .map((byte) => (byte < 16 ? '0' : '') + byte.toString(16))
    .join(' ')
}

function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

module.exports = { shorten, toText, hexBytes, formatSize }
