// Reading a streamed (enableChunked) response: chunks are ArrayBuffers that may cut a character
// or an event in half, so both decoders keep the unfinished tail for the next chunk.

// UTF-8 bytes to text, across chunk boundaries. (TextDecoder is missing on some WeChat versions.)
function createUtf8Decoder() {
  let pending = []
  return function decode(buffer) {
    const bytes = pending.concat(Array.from(new Uint8Array(buffer)))
    let text = ''
    let i = 0
    while (i < bytes.length) {
      const first = bytes[i]
      const size = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1
      if (i + size > bytes.length) break
      let code = size === 1 ? first : first & (0xff >> (size + 1))
      for (let k = 1; k < size; k++) code = (code << 6) | (bytes[i + k] & 0x3f)
      text += String.fromCodePoint(code)
      i += size
    }
    pending = bytes.slice(i)
    return text
  }
}

// Server-sent events: calls onData with each `data:` payload once its event is complete.
function createEventReader(onData) {
  const decode = createUtf8Decoder()
  let buffered = ''
  return function read(buffer) {
    buffered += decode(buffer)
    let end = buffered.indexOf('\n\n')
    while (end >= 0) {
      const event = buffered.slice(0, end)
      buffered = buffered.slice(end + 2)
      event.split('\n').forEach((line) => {
        if (line.indexOf('data: ') === 0) onData(line.slice(6))
      })
      end = buffered.indexOf('\n\n')
    }
  }
}

module.exports = { createUtf8Decoder, createEventReader }
