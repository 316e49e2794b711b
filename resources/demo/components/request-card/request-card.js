// One demo request: what it does, a button to send it, and what came back.
Component({
  properties: {
    caseId: { type: String, value: '' },
    title: { type: String, value: '' },
    method: { type: String, value: 'GET' },
    path: { type: String, value: '' },
    note: { type: String, value: '' },
    // idle | loading | ok | warn | fail
    state: { type: String, value: 'idle' },
    statusCode: { type: String, value: '' },
    result: { type: String, value: '' },
    buttonText: { type: String, value: '发送' },
  },
  methods: {
    onTap() {
      if (this.data.state === 'loading' && this.data.caseId !== 'abort') return
      this.triggerEvent('run', { id: this.data.caseId })
    },
  },
})
