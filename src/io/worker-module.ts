// Worker modules sit next to the code that starts them, as `.ts` in the sources (run by tsx) and as
// `.js` in the built package (dist/, run by plain Node). `new URL('./x.ts', import.meta.url)` is not
// rewritten by the build, so the extension is taken from the calling module's own URL.

/** The URL of the worker module `name` (no extension) in the folder of `base` (an `import.meta.url`). */
export function siblingModule(name: string, base: string): string {
  const extension = new URL(base).pathname.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, base).href;
}

/** Whether a worker module is already plain JavaScript (the built package): it runs as it is, without tsx or esbuild. */
export function isBuiltModule(moduleUrl: string): boolean {
  return new URL(moduleUrl).pathname.endsWith('.js');
}
