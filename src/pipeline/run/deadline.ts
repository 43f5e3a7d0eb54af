// The run's overall time limit: one signal every remote call carries, and a promise that settles the run
// at the limit even when the work in flight (a layer scan, a retry wait) would go on.
import { CodedError } from '../../errors/index.js'
import { formatMs } from '../../http/index.js'

export class RunTimeoutError extends CodedError<'RUN_TIMEOUT'> {
  constructor(
    readonly limitMs: number,
    message: string
  ) {
    super('RUN_TIMEOUT', message)
    this.name = 'RunTimeoutError'
  }
}

export interface RunDeadline {
  signal: AbortSignal
  readonly expired: boolean
  /** Runs `work`, rejecting with RunTimeoutError the moment the limit passes. */
  race<T>(work: Promise<T>): Promise<T>
  clear(): void
}

export function startRunDeadline(limitMs: number): RunDeadline {
  const controller = new AbortController()
  const error = new RunTimeoutError(
    limitMs,
    `the run did not finish within its timeout of ${describeLimit(limitMs)}`
  )
  let expired = false
  let fire: (err: RunTimeoutError) => void = () => undefined
  const passed = new Promise<never>((_, reject) => (fire = reject))
  passed.catch(() => undefined)
  const timer = setTimeout(() => {
    expired = true
    controller.abort(error)
    fire(error)
  }, limitMs)
  return {
    signal: controller.signal,
    get expired() {
      return expired
    },
    race: work => Promise.race([work, passed]),
    clear: () => clearTimeout(timer)
  }
}

/** "30 min" for whole minutes, else seconds or milliseconds. */
export function describeLimit(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : formatMs(ms)
}
