App({
  onLaunch() {
    console.log('MP DevTools 演示已启动：点按钮试试，每个请求都会出现在「网络」面板里。')
  },
})
