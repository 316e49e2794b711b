import { describe, expect, it } from 'vitest'
import { LOCALE_STORAGE_KEY, savedLocale, toWorkbenchLocale } from '.'
import { messages } from './messages'

describe('workbench locale', () => {
  it('any Chinese tag maps to zh-CN', () => {
    expect(['zh', 'zh-CN', 'zh-TW', 'zh-Hans-CN'].map(toWorkbenchLocale)).toEqual([
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
    ])
  })

  it('every other tag maps to English', () => {
    expect(['en-US', 'de-DE', ''].map(toWorkbenchLocale)).toEqual(['en', 'en', 'en'])
  })

  it('a saved choice is used only when it is a supported locale', () => {
    const storage = (value: string | null) => ({
      getItem: (key: string) => (key === LOCALE_STORAGE_KEY ? value : null),
    })
    expect(savedLocale(storage('en'))).toBe('en')
    expect(savedLocale(storage('fr'))).toBeNull()
    expect(savedLocale(storage(null))).toBeNull()
  })

  it('an unavailable storage means no saved choice', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError')
      },
    }
    expect(savedLocale(broken)).toBeNull()
  })
})

describe('messages', () => {
  it('the Chinese urlCheck label is WeChat’s exact text', () => {
    expect(messages['zh-CN'].details.urlCheck).toBe(
      '不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书',
    )
  })

  it('the English urlCheck label is WeChat’s English text', () => {
    expect(messages.en.details.urlCheck).toBe(
      'Does not verify valid domain names, web-view (business domain names), TLS versions and HTTPS certificates',
    )
  })
})
