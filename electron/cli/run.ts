// `mpdt run <projectDir>`: run a project headless. Implemented with the "wx.request end to end" work.
export async function runCommand(_args: string[]): Promise<number> {
  process.stderr.write('mpdt run: not available yet\n')
  return 2
}
