// Concurrency that fails cleanly: after the first failure no new work starts, and what is already running is
// waited for before that failure is rethrown, so nothing a failed run started goes on (or logs) after it.

/** Waits for all tasks; the first to reject triggers `cancel` (to stop the others) and is rethrown once
 * every task has settled. */
export async function allOrCancel(
  tasks: readonly Promise<unknown>[],
  cancel: (cause: unknown) => void
): Promise<void> {
  const first: { failed: boolean; cause?: unknown } = { failed: false }
  const watched = tasks.map(task =>
    task.catch((cause: unknown) => {
      if (first.failed) return
      first.failed = true
      first.cause = cause
      cancel(cause)
    })
  )
  await Promise.all(watched)
  if (first.failed) throw first.cause
}

/** Runs `work` on each item, at most `limit` at a time, in order; after a failure no further item starts,
 * the running ones finish, and the first failure is rethrown. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length)
  const first: { failed: boolean; cause?: unknown } = { failed: false }
  let next = 0
  const lane = async (): Promise<void> => {
    while (!first.failed && next < items.length) {
      const i = next++
      try {
        out[i] = await work(items[i]!)
      } catch (cause) {
        if (first.failed) continue
        first.failed = true
        first.cause = cause
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane))
  if (first.failed) throw first.cause
  return out
}
