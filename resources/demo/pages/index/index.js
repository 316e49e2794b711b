// 网络请求: one card per wx.request case, and an AI-chat style streamed answer (enableChunked).
const { API, OTHER } = require('../../config')
const { shorten, toText, hexBytes } = require('../../utils/format')
const { createEventReader, createUtf8Decoder } = require('../../utils/stream')

const ABORT_AFTER_MS = 1500

// Each case: what the card shows, the wx.request options, and how a success is summed up.
const CASES = [
  {
    id: 'get',
    title: 'GET 带参数',
    method: 'GET',
    path: '/echo?city=深圳&page=1',
    note: 'data 被拼到 URL 上；返回的 headers 里能看到工具强制设置的 Referer。',
    options: { url: `${API}/echo`, data: { city: '深圳', page: 1 } },
    describe: (res) => `query=${JSON.stringify(res.data.query)} referer=${res.data.headers.referer}`,
  },
  {
    id: 'postJson',
    title: 'POST JSON',
    method: 'POST',
    path: '/echo',
    note: 'content-type 默认为 application/json，data 对象被序列化成 JSON。',
    options: { url: `${API}/echo`, method: 'POST', data: { name: '小明', likes: ['茶', '咖啡'] } },
    describe: (res) => `服务器收到 ${JSON.stringify(res.data.body)}`,
  },
  {
    id: 'postForm',
    title: 'POST 表单',
    method: 'POST',
    path: '/echo',
    note: 'content-type 为 application/x-www-form-urlencoded 时，data 被编码成 a=1&b=2。',
    options: {
      url: `${API}/echo`,
      method: 'POST',
      header: { 'content-type': 'application/x-www-form-urlencoded' },
      data: { name: '小明', age: 18 },
    },
    describe: (res) => `服务器收到 ${JSON.stringify(res.data.body)}`,
  },
  {
    id: 'text',
    title: '文本响应',
    method: 'GET',
    path: '/text',
    note: "dataType 不是 'json' 时，data 保持原样的字符串。",
    options: { url: `${API}/text`, dataType: 'text' },
    describe: (res) => `${typeof res.data}：${res.data.trim()}`,
  },
  {
    id: 'arraybuffer',
    title: '二进制响应',
    method: 'GET',
    path: '/binary',
    note: "responseType: 'arraybuffer' 时 data 是 ArrayBuffer。",
    options: { url: `${API}/binary`, responseType: 'arraybuffer' },
    describe: (res) => `ArrayBuffer ${res.data.byteLength} 字节：${hexBytes(res.data, 8)} …`,
  },
  {
    id: 'notFound',
    title: '404 也会进 success',
    method: 'GET',
    path: '/does-not-exist',
    note: '只要服务器有响应，就调用 success；要自己检查 statusCode。',
    options: { url: `${API}/does-not-exist` },
    describe: (res) => `success 被调用，data=${toText(res.data)}`,
  },
  {
    id: 'mock',
    title: '接口 Mock',
    method: 'GET',
    path: '/orders',
    note: '服务器上还没有 /orders：project.mock.json 里的规则直接返回数据，不访问网络。到「Mock」面板改规则，或取消「启用 Mock」再试（会得到 404）。',
    options: { url: `${API}/orders` },
    describe: (res) =>
      res.statusCode === 200 && res.data.orders
        ? `来自 Mock：${res.data.orders.map((order) => `${order.item}×${order.count}`).join('、')}`
        : `success 被调用，data=${toText(res.data)}`,
  },
  {
    id: 'redirect',
    title: '302 重定向',
    method: 'GET',
    path: '/redirect',
    note: '自动跟随重定向；每一跳都要在合法域名里。',
    options: { url: `${API}/redirect` },
    describe: (res) => `跟随到 ${res.data.path}?redirected=${res.data.query.redirected}`,
  },
  {
    id: 'slow',
    title: '超时 timeout',
    method: 'GET',
    path: '/slow?delay=3000',
    note: '服务器 3 秒后才回答，timeout 只有 1 秒：fail 收到 request:fail timeout。',
    options: { url: `${API}/slow`, data: { delay: 3000 }, timeout: 1000 },
    describe: (res) => `意外地成功了：${toText(res.data)}`,
  },
  {
    id: 'abort',
    title: '中止 abort',
    method: 'GET',
    path: '/long?seconds=20',
    note: `一个 20 秒的长响应，${ABORT_AFTER_MS / 1000} 秒后调用 RequestTask.abort()。`,
    buttonText: '发送并中止',
    options: { url: `${API}/long`, data: { seconds: 20 }, enableChunked: true, dataType: 'text' },
    describe: (res) => `意外地完成了：${shorten(toText(res.data), 40)}`,
  },
  {
    id: 'blocked',
    title: '不在合法域名列表里',
    method: 'GET',
    path: 'other.demo.mpdevtools.test/hello',
    note: '勾选「详情 → 本地设置」里的「不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书」，或把这个域名加入 request 合法域名，再试一次。',
    options: { url: `${OTHER}/hello` },
    describe: (res) => `已放行：${res.data.host}`,
  },
]

function cardOf(spec) {
  return {
    id: spec.id,
    title: spec.title,
    method: spec.method,
    path: spec.path,
    note: spec.note,
    buttonText: spec.buttonText || '发送',
    state: 'idle',
    statusCode: '',
    result: '',
  }
}

Page({
  data: {
    cases: CASES.map(cardOf),
    question: '流式响应是怎么工作的？',
    answer: '',
    streaming: false,
    streamError: '',
  },

  onLoad() {
    // A headless run (`mpdt run resources/demo`) shows one request that passes and one blocked.
    this.runCase('get')
    this.runCase('blocked')
  },

  onRun(event) {
    this.runCase(event.detail.id)
  },

  updateCase(id, fields) {
    const index = CASES.findIndex((spec) => spec.id === id)
    const changes = {}
    Object.keys(fields).forEach((key) => {
      changes[`cases[${index}].${key}`] = fields[key]
    })
    this.setData(changes)
  },

  runCase(id) {
    const spec = CASES.find((each) => each.id === id)
    this.updateCase(id, { state: 'loading', statusCode: '', result: '' })
    const task = wx.request(
      Object.assign({}, spec.options, {
        success: (res) => {
          const result = shorten(spec.describe(res), 160)
          const state = res.statusCode >= 400 ? 'warn' : 'ok'
          this.updateCase(id, { state, statusCode: String(res.statusCode), result })
          console.log(`${spec.title}: ${res.statusCode} ${result}`)
        },
        fail: (err) => {
          const blocked = err.errMsg.indexOf('url not in domain list') >= 0
          const result = blocked ? `${err.errMsg}（见上方说明）` : err.errMsg
          this.updateCase(id, { state: 'fail', statusCode: '', result })
          console.log(`${spec.title}: ${err.errMsg}`)
        },
      }),
    )
    if (id === 'abort') this.abortLater(task)
  },

  // Shows the lines that arrive, then aborts: fail gets `request:fail abort`.
  abortLater(task) {
    const decode = createUtf8Decoder()
    let lines = 0
    task.onChunkReceived((res) => {
      lines += decode(res.data).split('\n').length - 1
      this.updateCase('abort', { result: `已收到 ${lines} 行…` })
    })
    setTimeout(() => task.abort(), ABORT_AFTER_MS)
  },

  onQuestionInput(event) {
    this.setData({ question: event.detail.value })
  },

  // The answer arrives as server-sent events, one token each: appended as they come.
  ask() {
    if (this.data.streaming) return
    const question = this.data.question.trim() || '流式响应是怎么工作的？'
    let answer = ''
    this.setData({ answer, streaming: true, streamError: '' })
    const read = createEventReader((payload) => {
      if (payload === '[DONE]') return
      answer += JSON.parse(payload).token
      this.setData({ answer })
    })
    const task = wx.request({
      url: `${API}/chat/stream`,
      data: { q: question },
      enableChunked: true,
      responseType: 'arraybuffer',
      success: (res) => {
        this.setData({ streaming: false })
        console.log(`AI 流式回答 ${res.statusCode}: ${answer}`)
      },
      fail: (err) => {
        this.setData({ streaming: false, streamError: err.errMsg })
        console.log(`AI 流式回答: ${err.errMsg}`)
      },
    })
    task.onChunkReceived((res) => read(res.data))
  },
})
