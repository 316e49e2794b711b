import { describe, expect, it } from 'vitest'
import { appJsonForTheme, appTheme, parseThemeVariables, styleSheetForTheme } from './theme'

const variables = parseThemeVariables(
  JSON.stringify({
    light: { bg: '#fff', icon: 'a-light.png', n: 3 },
    dark: { bg: '#000', icon: 'a-dark.png' },
  }),
)

describe('theme resolution', () => {
  it('reads string variables of both themes; anything else is not a theme.json', () => {
    expect(variables).toEqual({
      light: { bg: '#fff', icon: 'a-light.png' },
      dark: { bg: '#000', icon: 'a-dark.png' },
    })
    expect(parseThemeVariables('{"light":{}}')).toBeNull()
    expect(parseThemeVariables('not json')).toBeNull()
  })

  it('resolves window, tabBar and tab icons for a theme, leaving unknown names alone', () => {
    const app = {
      pages: ['p'],
      window: { navigationBarBackgroundColor: '@bg', navigationBarTitleText: '@unknown' },
      tabBar: { backgroundColor: '@bg', list: [{ pagePath: 'p', text: 'P', iconPath: '@icon' }] },
      usingComponents: { x: '@scope/x' },
    }
    const dark = appJsonForTheme(app, variables, 'dark')
    expect(dark.window).toEqual({
      navigationBarBackgroundColor: '#000',
      navigationBarTitleText: '@unknown',
    })
    expect(dark.tabBar).toEqual({
      backgroundColor: '#000',
      list: [{ pagePath: 'p', text: 'P', iconPath: 'a-dark.png' }],
    })
    expect(dark.usingComponents).toEqual({ x: '@scope/x' })
    expect(appJsonForTheme(app, variables, 'light').window.navigationBarBackgroundColor).toBe(
      '#fff',
    )
  })

  it('follows the system theme only with darkmode: true', () => {
    expect(appTheme({ darkmode: true }, 'dark')).toBe('dark')
    expect(appTheme({}, 'dark')).toBe('light')
    expect(appTheme({ darkmode: 'true' }, 'dark')).toBe('light')
  })
})

describe('prefers-color-scheme in a sheet', () => {
  const css =
    '@media (prefers-color-scheme: dark) { .a { color: white; } }\n' +
    '@media screen and (prefers-color-scheme:light), print { .b { color: black; } }\n' +
    '@media (min-width: 100px) { .c { content: "(prefers-color-scheme: dark)"; } }'

  it('turns the matching scheme into an always-true feature and the other into never', () => {
    expect(styleSheetForTheme(css, 'dark')).toBe(
      '@media (min-width: 0px) { .a { color: white; } }\n' +
        '@media screen and (max-width: -1px), print { .b { color: black; } }\n' +
        '@media (min-width: 100px) { .c { content: "(prefers-color-scheme: dark)"; } }',
    )
    expect(styleSheetForTheme(css, 'light')).toContain('@media (max-width: -1px) { .a')
    expect(styleSheetForTheme(css, 'light')).toContain('screen and (min-width: 0px), print')
  })

  it('leaves a sheet without the feature as it is', () => {
    expect(styleSheetForTheme('.a{}', 'dark')).toBe('.a{}')
  })
})
