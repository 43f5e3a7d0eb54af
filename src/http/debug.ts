// A process-wide sink for the HTTP client's debug lines (retries, backoffs, redirects): the edge that owns
// the output (the action's core.debug, the CLI's --debug) installs it; clients created anywhere report to it.
let sink: ((line: string) => void) | undefined

export function setDebugSink(next: ((line: string) => void) | undefined): void {
  sink = next
}

export function debugLog(line: string): void {
  sink?.(line)
}
