/** The OS locale as a BCP 47 tag (`zh-CN`), from the POSIX variables, else from ICU. */
export function systemLocale(env: NodeJS.ProcessEnv = process.env): string {
  const posix = env.LC_ALL || env.LC_MESSAGES || env.LANG
  const match = posix?.match(/^([a-z]{2,3})(?:_([A-Za-z]{2}))?/)
  if (match && posix !== 'C' && posix !== 'POSIX') {
    return match[2] ? `${match[1]}-${match[2].toUpperCase()}` : match[1]
  }
  return Intl.DateTimeFormat().resolvedOptions().locale
}
