// Serialises read-modify-write of one key (a repository's tag) inside this process; cosign itself does not lock.
import { KeyedLock } from '../oci/keyed-lock.js'

export { KeyedLock as RepositoryLocks }

/** One lock table for the whole process, so separate pipeline runs in one process never race each other. */
export const processLocks = new KeyedLock()
