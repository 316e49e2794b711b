/**
 * The demo's own streaming helpers (resources/demo/utils/stream.js, mini-program code): chunks
 * may cut a character or an event in half, and the AI-chat answer must still come out whole.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import { answerTokens, DONE_EVENT, tokenEvent } from './chat-answer'
import { demoProjectDir } from './demo-project'

interface StreamHelpers {
  createUtf8Decoder(): (buffer: ArrayBuffer) => string
  createEventReader(onData: (payload: string) => void): (buffer: ArrayBuffer) => void
}

/** Evaluated as the mini-program runtime does: a CommonJS module in its own global scope. */
function loadDemoModule(path: string): unknown {
  const file = join(demoProjectDir(join(import.meta.dirname, '..', '..', '..')), path)
  const module = { exports: {} as unknown }
  runInNewContext(`(function (module, exports) {${readFileSync(file, 'utf8')}\n})`, {
    Uint8Array,
  })(module, module.exports)
  return module.exports
}

const helpers = loadDemoModule('utils/stream.js') as StreamHelpers

/** `bytes` cut into pieces of `size` bytes, as ArrayBuffers. */
function pieces(bytes: Buffer, size: number): ArrayBuffer[] {
  const cut: ArrayBuffer[] = []
  for (let i = 0; i < bytes.length; i += size) {
    cut.push(new Uint8Array(bytes.subarray(i, i + size)).buffer)
  }
  return cut
}

describe('the demo UTF-8 decoder', () => {
  test('keeps a character cut between two chunks until its last byte arrives', () => {
    const decode = helpers.createUtf8Decoder()
    const text = '你好，😀 MP'
    expect(pieces(Buffer.from(text), 1).map(decode).join('')).toBe(text)
  })
})

describe('the demo event reader', () => {
  test('rebuilds the streamed answer from chunks of any size', () => {
    const stream = Buffer.from(answerTokens('问题').map(tokenEvent).join('') + DONE_EVENT)
    for (const size of [1, 7, 64, stream.length]) {
      const payloads: string[] = []
      const read = helpers.createEventReader((payload) => payloads.push(payload))
      pieces(stream, size).forEach(read)
      expect(payloads.at(-1)).toBe('[DONE]')
      const answer = payloads
        .slice(0, -1)
        .map((payload) => (JSON.parse(payload) as { token: string }).token)
        .join('')
      expect(answer).toBe(answerTokens('问题').join(''))
    }
  })
})
