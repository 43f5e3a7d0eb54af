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

interface Limiter {
  acquire(): Promise<() => void>
}

function limiter(n: number): Limiter {
  let free = Math.max(1, n)
  const waiting: Array<() => void> = []
  return {
    async acquire() {
      if (free > 0) free--
      else await new Promise<void>(resolve => waiting.push(resolve))
      let released = false
      return () => {
        if (released) return
        released = true
        const next = waiting.shift()
        // The permit passes straight to the next waiter, so no newcomer can overtake it.
        if (next) next()
        else free++
      }
    }
  }
}

/**
 * `first` then `second` on each item, in order, with at most `limits.first` items in the first stage and
 * `limits.second` in the second, so one item's second stage overlaps the next items' first stage.
 * At most `first + second` items are between start and end (a slow second stage holds the first back).
 * After a failure no item starts its first stage; items already past it still finish their second stage,
 * so what they produced is not left half-done. The first failure is rethrown once everything has settled.
 */
export async function mapInTwoStages<T, M, R>(
  items: readonly T[],
  limits: { first: number; second: number },
  first: (item: T) => Promise<M>,
  second: (mid: M, item: T) => Promise<R>
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length)
  const failure: { failed: boolean; cause?: unknown } = { failed: false }
  const fail = (cause: unknown): void => {
    if (failure.failed) return
    failure.failed = true
    failure.cause = cause
  }
  const inFlight = limiter(limits.first + limits.second)
  const stageOne = limiter(limits.first)
  const stageTwo = limiter(limits.second)
  const running: Promise<void>[] = []
  for (let i = 0; i < items.length && !failure.failed; i++) {
    const releaseSlot = await inFlight.acquire()
    const releaseOne = await stageOne.acquire()
    if (failure.failed) {
      releaseOne()
      releaseSlot()
      break
    }
    const item = items[i]!
    running.push(
      (async () => {
        try {
          let mid: M
          try {
            mid = await first(item)
          } finally {
            releaseOne()
          }
          const releaseTwo = await stageTwo.acquire()
          try {
            out[i] = await second(mid, item)
          } finally {
            releaseTwo()
          }
        } catch (cause) {
          fail(cause)
        } finally {
          releaseSlot()
        }
      })()
    )
  }
  await Promise.all(running)
  if (failure.failed) throw failure.cause
  return out
}
