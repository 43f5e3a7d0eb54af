// Serialises read-modify-write of one key (a repository's tag) inside this process; cosign itself does not lock.
export class RepositoryLocks {
  readonly #tails = new Map<string, Promise<unknown>>()

  async run<T>(repository: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(repository) ?? Promise.resolve()
    const current = previous.catch(() => undefined).then(work)
    const tail = current.catch(() => undefined)
    this.#tails.set(repository, tail)
    try {
      return await current
    } finally {
      if (this.#tails.get(repository) === tail) this.#tails.delete(repository)
    }
  }
}

/** One lock table for the whole process, so separate pipeline runs in one process never race each other. */
export const processLocks = new RepositoryLocks()
