// Merging, CPE generation and the document of thousands of components keep most of what they allocate
// alive to the end, so V8 grows its young generation to the maximum (~100 MiB more RSS on 8,000
// components) for objects that survive anyway; held at its size, they are promoted instead.
import { setFlagsFromString } from 'node:v8'

/** V8's default (flag-definitions.h); read when the young generation grows, so it can be set at run time. */
const DEFAULT_GROWTH = 2

let holders = 0

/** Keeps V8's young generation from growing until the returned function is called (once per hold). */
export function holdYoungGeneration(): () => void {
  if (holders++ === 0) setFlagsFromString('--semi-space-growth-factor=1')
  let released = false
  return () => {
    if (released) return
    released = true
    if (--holders === 0) setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH}`)
  }
}
