/** The part of the `less` package (which ships no types) that style-languages.ts uses. */
declare module 'less' {
  interface LoadedFile {
    contents: string
    filename: string
  }
  interface LessFileManagerOptions {
    ext?: string
  }
  class FileManager {
    supports(...args: unknown[]): boolean
    supportsSync(...args: unknown[]): boolean
    loadFile(
      filename: string,
      currentDirectory: string,
      options: LessFileManagerOptions,
    ): Promise<LoadedFile>
  }
  interface PluginManager {
    addFileManager(manager: FileManager): void
  }
  interface RenderOptions {
    filename: string
    plugins: { install(less: unknown, manager: PluginManager): void }[]
    javascriptEnabled?: boolean
  }
  interface RenderOutput {
    css: string
    imports: string[]
  }
  const less: {
    FileManager: typeof FileManager
    render(source: string, options: RenderOptions): Promise<RenderOutput>
  }
  export default less
}
