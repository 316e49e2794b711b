// 关于: what the demo shows and how to open your own project.
Page({
  data: {
    shows: [
      { title: '合法域名校验', text: 'api.demo.mpdevtools.test 在 project.domains.json 里，other.demo.mpdevtools.test 不在：后者被拦截，控制台和「网络」面板都会说明原因。' },
      { title: '真实的 HTTPS', text: '演示服务器只在本机 127.0.0.1 上运行，证书来自 MP DevTools 为演示项目生成的 CA，只有这个项目信任它，不会改动系统证书。' },
      { title: '四类网络接口', text: 'wx.request（各种参数、超时、中止、流式）、wx.uploadFile、wx.downloadFile 和 wx.connectSocket。' },
      { title: '「网络」面板', text: '每个请求一行：状态码、类型、大小、耗时；被拦截的请求写明「已阻止」和规则。' },
    ],
    steps: [
      { title: '在窗口里打开', text: '点工具栏的「打开项目」，选择含 project.config.json 的文件夹。' },
      { title: '在命令行打开', text: 'npx mpdt open 你的项目目录' },
      { title: '无界面运行', text: 'npx mpdt run 你的项目目录：打印小程序的 console 输出，适合 CI。' },
      { title: '本地后端', text: '把开发服务器映射到正式域名：--connect-to 与 --cacert，或写在 project.private.config.json 的 mpdt 字段里。' },
    ],
  },

  copy(event) {
    wx.setClipboardData({ data: event.currentTarget.dataset.text })
  },
})
