/**
 * Every API the table gives parameter checks answers WeChat's parameter error from them, one
 * case per declared parameter: `<api>:fail parameter error: parameter.x should be String instead
 * of Number;` with errno 1001, through `fail` and as a rejection, before the implementation runs.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createRuntime, type Runtime } from './runtime'
import { TestingPort } from '../../tests/helpers/runtime-port'
import { checkParams } from './wx-build'
import { WX_API, type ParamRule } from './wx-api-table'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

function wx(): Record<string, unknown> {
  const runtime = createRuntime({
    port: new TestingPort(),
    appid: 'wx0000000000000001',
    files: { 'app.js': 'App({})', 'pages/index/index.js': 'Page({})' },
    appJson: { pages: ['pages/index/index'] },
  })
  running.push(runtime)
  runtime.launch()
  return runtime.wx
}

const SAMPLES: Record<string, unknown> = {
  String: 'x',
  Number: 1,
  Boolean: true,
  Object: {},
  Array: [],
  Function: () => undefined,
}

function typesOf(rule: ParamRule): string[] {
  return rule.replace(/\?$/, '').split('|')
}

/** A value of a type the rule does not accept: a Number for a String, else a String. */
function wrongValue(rule: ParamRule): unknown {
  return typesOf(rule).includes('String') ? 7 : 'x'
}

const CASES = [...WX_API.values()].flatMap((api) =>
  Object.entries(api.params ?? {}).map(([name, rule]) => ({ api: api.name, name, rule })),
)

describe('parameter checks from the table', () => {
  it('covers the APIs this table added that take options', () => {
    const checked = new Set(CASES.map((c) => c.api))
    const added = ['login', 'getUserProfile', 'getUserInfo', 'getSetting', 'openSetting']
    added.push('authorize', 'setTabBarItem', 'setTabBarStyle', 'setTabBarBadge')
    added.push('removeTabBarBadge', 'showTabBarRedDot', 'hideTabBarRedDot', 'showTabBar')
    added.push('hideTabBar', 'showShareMenu', 'hideShareMenu', 'updateShareMenu')
    added.push('setBackgroundColor', 'setBackgroundTextStyle', 'previewImage', 'getImageInfo')
    added.push('compressImage', 'setClipboardData', 'makePhoneCall', 'vibrateShort')
    added.push('getLocation', 'chooseLocation', 'scanCode')
    expect(added.filter((api) => !checked.has(api))).toEqual([])
  })

  it.each(CASES)('$api: parameter.$name of the wrong type fails', async ({ api, name, rule }) => {
    const call = wx()[api] as (options: unknown) => unknown
    // Every other required parameter valid, this one wrong.
    const options: Record<string, unknown> = {}
    for (const [other, otherRule] of Object.entries(WX_API.get(api)!.params!)) {
      if (!otherRule.endsWith('?')) options[other] = SAMPLES[typesOf(otherRule)[0]]
    }
    options[name] = wrongValue(rule)
    const expected = {
      errMsg: `${api}:fail parameter error: parameter.${name} should be ${typesOf(rule).join(' or ')} instead of ${typeof options[name] === 'number' ? 'Number' : 'String'};`,
      errno: 1001,
    }
    let failed: unknown
    call({ ...options, fail: (res: unknown) => (failed = res) })
    await expect(call(options)).rejects.toEqual(expected)
    expect(failed).toEqual(expected)
  })

  it('names every missing required parameter, in order', () => {
    expect(checkParams('setTabBarBadge', { index: 'Number', text: 'String' }, {})).toEqual({
      errMsg:
        'setTabBarBadge:fail parameter error: parameter.index should be Number instead of Undefined;parameter.text should be String instead of Undefined;',
      errno: 1001,
    })
  })

  it('lets optional parameters be absent but not of the wrong type', () => {
    expect(checkParams('getLocation', { type: 'String?' }, {})).toBeUndefined()
    expect(checkParams('getLocation', { type: 'String?' }, { type: null })).toMatchObject({
      errMsg: 'getLocation:fail parameter error: parameter.type should be String instead of Null;',
    })
  })
})
