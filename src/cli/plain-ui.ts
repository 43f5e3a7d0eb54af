// The run's report on a terminal: progress on stderr, secrets redacted, outputs collected for one JSON answer.
import { writeFile } from 'node:fs/promises'
import type { Ui } from '../pipeline/run/ui.js'

export class PlainUi implements Ui {
  readonly outputs: Record<string, string> = {}
  failure: string | undefined
  readonly #secrets: string[] = []
  readonly #err: NodeJS.WritableStream
  readonly #summaryFile: string | undefined

  constructor(err: NodeJS.WritableStream, summaryFile?: string) {
    this.#err = err
    this.#summaryFile = summaryFile
  }

  #redact(line: string): string {
    return this.#secrets.reduce((text, s) => text.split(s).join('***'), line)
  }
  info(line: string): void {
    this.#err.write(`${this.#redact(line)}\n`)
  }
  warning(line: string): void {
    this.#err.write(`warning: ${this.#redact(line)}\n`)
  }
  debug(line: string): void {
    this.#err.write(`debug: ${this.#redact(line)}\n`)
  }
  async group<T>(name: string, work: () => Promise<T>): Promise<T> {
    this.#err.write(`── ${name}\n`)
    return work()
  }
  setSecret(secret: string): void {
    if (secret) this.#secrets.push(secret)
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value
  }
  setFailed(message: string): void {
    this.failure = message
    this.#err.write(`error: ${this.#redact(message)}\n`)
  }
  async writeSummary(markdown: string): Promise<void> {
    if (this.#summaryFile) await writeFile(this.#summaryFile, markdown)
  }
}
