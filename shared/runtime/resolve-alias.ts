/**
 * app.json `resolveAlias`, as WeChat documents it: keys and values end with `/*`
 * (`{ "@utils/*": "utils/*", "~/*": "/*" }`), values are paths from the mini-program root, and
 * when several keys match a request the longest one wins. Used for `require`, `import` and
 * `usingComponents`.
 */
export type ResolveAlias = Readonly<Record<string, string>>

export interface AliasMatch {
  /** The key that matched, e.g. `@utils/*`. */
  key: string
  /** The request rewritten from the root, e.g. `/utils/format`. */
  path: string
}

/** The alias that rewrites `request`, or `undefined` when no key matches it. */
export function matchAlias(
  request: string,
  aliases: ResolveAlias | undefined,
): AliasMatch | undefined {
  let best: { key: string; prefix: string; value: string } | undefined
  for (const [key, value] of Object.entries(aliases ?? {})) {
    if (typeof value !== 'string') continue
    const wildcard = key.endsWith('*')
    const prefix = wildcard ? key.slice(0, -1) : key
    const matches = wildcard ? request.startsWith(prefix) : request === key
    if (matches && (!best || prefix.length > best.prefix.length)) best = { key, prefix, value }
  }
  if (!best) return undefined
  const rest = best.key.endsWith('*') ? request.slice(best.prefix.length) : ''
  const target = best.value.endsWith('*') ? `${best.value.slice(0, -1)}${rest}` : best.value
  return { key: best.key, path: `/${target.replace(/^\/+/, '')}` }
}
