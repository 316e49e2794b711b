// 文件: wx.downloadFile shown as an image, and wx.uploadFile of a chosen (or the downloaded)
// picture, both with progress.
const { API } = require('../../config')
const { formatSize } = require('../../utils/format')

Page({
  data: {
    photoPath: '',
    downloadState: 'idle',
    downloadProgress: 0,
    downloadInfo: '',
    chosenPath: '',
    chosenInfo: '',
    uploadState: 'idle',
    uploadProgress: 0,
    uploadInfo: '',
  },

  download() {
    this.setData({ downloadState: 'loading', downloadProgress: 0, downloadInfo: '' })
    const task = wx.downloadFile({
      url: `${API}/download/photo.png`,
      success: (res) => {
        const ok = res.statusCode === 200
        this.setData({
          downloadState: ok ? 'ok' : 'fail',
          photoPath: ok ? res.tempFilePath : '',
          downloadInfo: `${res.statusCode} · ${res.tempFilePath}`,
        })
        console.log(`下载图片: ${res.statusCode} ${res.tempFilePath}`)
      },
      fail: (err) => {
        this.setData({ downloadState: 'fail', downloadInfo: err.errMsg })
        console.log(`下载图片: ${err.errMsg}`)
      },
    })
    task.onProgressUpdate((res) => {
      this.setData({
        downloadProgress: res.progress,
        downloadInfo: `${formatSize(res.totalBytesWritten)} / ${formatSize(res.totalBytesExpectedToWrite)}`,
      })
    })
  },

  choose() {
    wx.chooseImage({
      count: 1,
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
      success: (res) => {
        const file = res.tempFiles[0]
        this.setData({ chosenPath: file.path, chosenInfo: formatSize(file.size) })
      },
      fail: (err) => console.log(`选择图片: ${err.errMsg}`),
    })
  },

  upload() {
    const filePath = this.data.chosenPath || this.data.photoPath
    if (!filePath) {
      wx.showToast({ title: '先选择或下载一张图片', icon: 'none' })
      return
    }
    this.setData({ uploadState: 'loading', uploadProgress: 0, uploadInfo: '' })
    const task = wx.uploadFile({
      url: `${API}/upload`,
      filePath,
      name: 'file',
      formData: { user: '小明', note: '来自 MP DevTools 演示' },
      success: (res) => {
        // uploadFile's data is always a string: the server answers JSON.
        let info = res.data
        try {
          const body = JSON.parse(res.data)
          info = `服务器收到 ${body.name}（${formatSize(body.size)}），表单 ${JSON.stringify(body.fields)}`
        } catch (error) {
          info = res.data
        }
        this.setData({ uploadState: res.statusCode === 200 ? 'ok' : 'fail', uploadInfo: info })
        console.log(`上传图片: ${res.statusCode} ${info}`)
      },
      fail: (err) => {
        this.setData({ uploadState: 'fail', uploadInfo: err.errMsg })
        console.log(`上传图片: ${err.errMsg}`)
      },
    })
    task.onProgressUpdate((res) => {
      this.setData({
        uploadProgress: res.progress,
        uploadInfo: `${formatSize(res.totalBytesSent)} / ${formatSize(res.totalBytesExpectedToSend)}`,
      })
    })
  },

  preview() {
    if (this.data.photoPath) wx.previewImage({ urls: [this.data.photoPath] })
  },
})
