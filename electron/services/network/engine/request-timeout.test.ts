import { expect, test } from 'vitest'
import { requestTimeout } from './request-timeout'

test('the call’s timeout wins over app.json', () => {
  expect(requestTimeout(5000, 20_000)).toBe(5000)
})

test('app.json networkTimeout.request applies when the call has none', () => {
  expect(requestTimeout(undefined, 20_000)).toBe(20_000)
  expect(requestTimeout(0, 20_000)).toBe(20_000)
})

test('the default is 60000 ms', () => {
  expect(requestTimeout()).toBe(60_000)
})

test('no timeout is longer than 60000 ms', () => {
  expect(requestTimeout(120_000)).toBe(60_000)
  expect(requestTimeout(undefined, 90_000)).toBe(60_000)
})
