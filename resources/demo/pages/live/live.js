// 实时: a WebSocket echo chat with wx.connectSocket and its SocketTask. The server greets, echoes
// text and binary messages, and closes the chat when it receives "bye".
const { SOCKET } = require('../../config')
const { hexBytes } = require('../../utils/format')

const STATE_TEXT = { closed: '未连接', connecting: '连接中…', open: '已连接' }

let nextMessageId = 1

Page({
  data: {
    state: 'closed',
    stateText: STATE_TEXT.closed,
    draft: '',
    messages: [],
    lastMessageId: '',
  },

  onUnload() {
    if (this.socket) this.socket.close({ code: 1000, reason: 'page closed' })
  },

  setState(state) {
    this.setData({ state, stateText: STATE_TEXT[state] })
  },

  addMessage(from, text) {
    const message = { id: `m${nextMessageId++}`, from, text }
    this.setData({ messages: this.data.messages.concat(message), lastMessageId: message.id })
  },

  connect() {
    if (this.data.state !== 'closed') return
    this.setState('connecting')
    const socket = wx.connectSocket({ url: SOCKET })
    this.socket = socket
    socket.onOpen(() => {
      this.setState('open')
      this.addMessage('system', '已连接到 wss://api.demo.mpdevtools.test/chat')
      console.log('WebSocket: 已连接')
    })
    socket.onMessage((res) => {
      const text =
        typeof res.data === 'string'
          ? res.data
          : `二进制 ${res.data.byteLength} 字节：${hexBytes(res.data, 16)}`
      this.addMessage('server', text)
      console.log(`WebSocket 收到: ${text}`)
    })
    socket.onError((err) => {
      this.addMessage('system', `出错：${err.errMsg}`)
      console.log(`WebSocket 出错: ${err.errMsg}`)
    })
    socket.onClose((res) => {
      if (this.socket === socket) this.socket = null
      this.setState('closed')
      this.addMessage('system', `连接已关闭（${res.code}${res.reason ? ` ${res.reason}` : ''}）`)
      console.log(`WebSocket: 已关闭 ${res.code} ${res.reason}`)
    })
  },

  disconnect() {
    if (this.socket) this.socket.close({ code: 1000, reason: 'user' })
  },

  onDraftInput(event) {
    this.setData({ draft: event.detail.value })
  },

  sendText() {
    const text = this.data.draft.trim()
    if (!text || this.data.state !== 'open') return
    this.socket.send({
      data: text,
      success: () => {
        this.addMessage('me', text)
        this.setData({ draft: '' })
      },
      fail: (err) => this.addMessage('system', err.errMsg),
    })
  },

  sendBinary() {
    if (this.data.state !== 'open') return
    const bytes = new Uint8Array([0x4d, 0x50, 0x44, 0x54, 0x01, 0x02, 0x03, 0xff])
    this.socket.send({
      data: bytes.buffer,
      success: () => this.addMessage('me', `二进制 ${bytes.length} 字节：${hexBytes(bytes.buffer, 16)}`),
      fail: (err) => this.addMessage('system', err.errMsg),
    })
  },

  sayBye() {
    this.setData({ draft: 'bye' })
    this.sendText()
  },
})
