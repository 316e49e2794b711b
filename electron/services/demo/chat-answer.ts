/**
 * The "AI" answer `/chat/stream` sends token by token: canned text that explains what the reader
 * is watching, cut into the short pieces a language model streams.
 */

/** Pause between two tokens, as a model's output arrives. */
export const TOKEN_INTERVAL_MS = 60

const ANSWER = [
  '你好！这是一段流式回答：',
  '服务器每隔约 60 毫秒发出一小段文字，',
  '小程序用 wx.request 的 enableChunked 打开分块传输，',
  '在 onChunkReceived 里逐段拼接，',
  '所以你会看到文字像 AI 聊天一样一个个冒出来。',
  '在「网络」面板里，这一行请求会一直处于进行中，直到最后一段到达。',
]

/** The answer to `question`, cut into tokens of one to three characters. */
export function answerTokens(question: string): string[] {
  const asked = question.trim().slice(0, 40)
  const text = (asked ? `关于「${asked}」——` : '') + ANSWER.join('')
  const tokens: string[] = []
  const characters = Array.from(text)
  for (let i = 0; i < characters.length;) {
    // A fixed 1-2-3 rhythm: irregular enough to look streamed, the same on every run.
    const size = (tokens.length % 3) + 1
    tokens.push(characters.slice(i, i + size).join(''))
    i += size
  }
  return tokens
}

/** One server-sent event carrying `token`. */
export function tokenEvent(token: string): string {
  return `data: ${JSON.stringify({ token })}\n\n`
}

export const DONE_EVENT = 'data: [DONE]\n\n'
