import type { SocketData, SocketFrameEvent } from '../../../../shared/network'

/** Bytes of binary data shown in a frame's preview, as hex. */
const BINARY_PREVIEW_BYTES = 64

/** What the Network panel's Messages list shows of one frame: text as is, binary as hex. */
export function framePreview(
  data: SocketData,
): Pick<SocketFrameEvent, 'opcode' | 'size' | 'preview'> {
  if (typeof data === 'string') {
    return { opcode: 'text', size: Buffer.byteLength(data), preview: data }
  }
  const shown = Buffer.from(data.buffer, data.byteOffset, data.byteLength).subarray(
    0,
    BINARY_PREVIEW_BYTES,
  )
  const hex = shown.toString('hex').replace(/(..)(?!$)/g, '$1 ')
  return {
    opcode: 'binary',
    size: data.byteLength,
    preview: data.byteLength > BINARY_PREVIEW_BYTES ? `${hex} …` : hex,
  }
}
