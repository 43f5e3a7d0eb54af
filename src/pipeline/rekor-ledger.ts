// What this run made public in Rekor, per subject, so a failure after logging names the entries it leaves.
export interface LoggedEntry {
  subject: string
  what: string
  logIndex: string
}

export class RekorLedger {
  readonly #entries: LoggedEntry[] = []
  readonly #published = new Set<string>()

  constructor(readonly rekorUrl: string) {}

  record(subject: string, what: string, logIndex: string): void {
    this.#entries.push({ subject, what, logIndex })
  }

  /** Everything of the subject is pushed (and confirmed, where asked): its entries are accounted for. */
  published(subject: string): void {
    this.#published.add(subject)
  }

  /** Entries of subjects not (completely) published. */
  unpublished(): LoggedEntry[] {
    return this.#entries.filter(e => !this.#published.has(e.subject))
  }

  entryUrl(logIndex: string): string {
    return `${this.rekorUrl.replace(/\/+$/, '')}/api/v1/log/entries?logIndex=${logIndex}`
  }

  /** Lines for the failure message, or '' when nothing unpublished was logged. */
  describeUnpublished(): string {
    const entries = this.unpublished()
    if (!entries.length) return ''
    const lines = entries.map(
      e => `  ${e.subject} ${e.what}: log index ${e.logIndex}, ${this.entryUrl(e.logIndex)}`
    )
    return (
      `\nRekor entries this run created for what was not (completely) published — they are public and ` +
      `cannot be removed; a re-run logs new ones:\n${lines.join('\n')}`
    )
  }
}
