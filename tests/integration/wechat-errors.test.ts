import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import {
  ERRNO,
  ERR_MSG,
  FAIL_WORDS,
  TRANSFER_ERR_MSG,
  failMsg,
  retitle,
} from '../../shared/wechat-errors'

// The catalogue is the one place WeChat's errnos and shared errMsg words are written: production
// code that spells one out again is a second copy that can drift.
function productionLinesMatching(pattern: string): string[] {
  let output = ''
  try {
    output = execFileSync(
      'git',
      [
        'grep',
        '-n',
        '-E',
        pattern,
        '--',
        'shared/*.ts',
        'electron/*.ts',
        'renderer/*.ts',
        'renderer/*.vue',
        ':!*.test.ts',
      ],
      { encoding: 'utf8' },
    )
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if ((error as { status?: number }).status === 1) return []
    throw error
  }
  return output
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('shared/wechat-errors.ts:'))
    .filter((line) => !/^[^:]+:\d+:\s*(\*|\/\/|\/\*)/.test(line))
}

describe('the errMsg/errno catalogue', () => {
  it('is the only place an errno is written', () => {
    expect(productionLinesMatching('errno: [0-9]|\\b60000[0-9]\\b|\\b6000[1-9][0-9]\\b')).toEqual(
      [],
    )
  })

  it('is the only place the socket and file words shared by several APIs are written', () => {
    expect(
      productionLinesMatching("readyState is not OPEN|WebSocket is not connected|'not supported'"),
    ).toEqual([])
    expect(productionLinesMatching("['`](connectSocket|uploadFile|downloadFile):fail ")).toEqual([])
  })

  it('is the only place the file, image, open API and cloud words are written', () => {
    expect(
      productionLinesMatching(
        'no such file or directory|file already exists|illegal operation on a|directory not empty|' +
          "'permission denied|'invalid path|operation not permitted|image info fail|" +
          "download image fail|'file not found|session time out|游客模式下|601034",
      ),
    ).toEqual([])
  })

  it('words WeChat’s failures as the base library and the client do', () => {
    expect(ERRNO.invalidUrl).toBe(600009)
    expect(failMsg('uploadFile', FAIL_WORDS.invalidUrl('ftp://x'))).toBe(
      'uploadFile:fail invalid url "ftp://x"',
    )
    expect(retitle(ERR_MSG.offline, 'connectSocket')).toBe('connectSocket:fail network is down')
    expect(TRANSFER_ERR_MSG.socketInvalidUrl('x')).toBe('connectSocket:fail invalid url "x"')
    expect(FAIL_WORDS.permissionDenied('wxfile://tmp/a')).toBe(
      'permission denied, open "wxfile://tmp/a"',
    )
  })
})
