// One log group per phase, with its duration, and the phase name kept for failure messages.
import type { Ui } from './ui.js'

export interface PhaseTiming {
  name: string
  ms: number
}

export class Phases {
  current = 'inputs'
  readonly timings: PhaseTiming[] = []
  readonly #ui: Ui

  constructor(ui: Ui) {
    this.#ui = ui
  }

  async run<T>(name: string, work: () => Promise<T>): Promise<T> {
    this.current = name
    const started = Date.now()
    return this.#ui.group(name, async () => {
      try {
        return await work()
      } finally {
        const ms = Date.now() - started
        this.timings.push({ name, ms })
        this.#ui.info(`${name}: ${(ms / 1000).toFixed(1)} s`)
      }
    })
  }
}
