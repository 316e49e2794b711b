import { expect, test } from 'vitest'
import { BodyCollector } from './body-collector'

const bytes = (text: string) => new TextEncoder().encode(text)
const collect = (expected: number | undefined, parts: string[]) => {
  const collector = new BodyCollector(expected)
  for (const part of parts) collector.push(bytes(part))
  return Buffer.from(collector.result()).toString()
}

test('a body in one chunk is that chunk, not a copy', () => {
  const chunk = bytes('whole')
  const collector = new BodyCollector(5)
  collector.push(chunk)
  expect(collector.result()).toBe(chunk)
})

test('with a known length, chunks land in one buffer of that length', () => {
  const collector = new BodyCollector(9)
  for (const part of ['abc', 'def', 'ghi']) collector.push(bytes(part))
  const result = collector.result()
  expect(Buffer.from(result).toString()).toBe('abcdefghi')
  expect(result.buffer.byteLength).toBe(9)
})

test('without a length, chunks are joined', () => {
  expect(collect(undefined, ['ab', 'cd', 'ef'])).toBe('abcdef')
})

test('more bytes than announced are all kept', () => {
  expect(collect(4, ['ab', 'cd', 'ef'])).toBe('abcdef')
})

test('fewer bytes than announced give just those bytes', () => {
  expect(collect(100, ['ab', 'cd'])).toBe('abcd')
})

test('an empty body is empty', () => {
  expect(new BodyCollector(0).result().byteLength).toBe(0)
})
