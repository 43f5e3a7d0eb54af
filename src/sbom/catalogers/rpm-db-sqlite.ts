// rpm ≥ 4.16 sqlite databases, opened in memory from the buffered bytes (no temp file).
import { DatabaseSync } from 'node:sqlite'

export function isSqlite(data: Buffer): boolean {
  return data.length >= 100 && data.toString('latin1', 0, 16) === 'SQLite format 3\u0000'
}

/** Header blobs of every row of Packages. Throws when the file is not a usable sqlite database. */
export function sqliteBlobs(data: Buffer): Buffer[] {
  const copy = Buffer.from(data)
  // rpm writes WAL mode (format bytes 2/2); an in-memory database only opens in rollback mode (1/1).
  copy[18] = 1
  copy[19] = 1
  const db = new DatabaseSync(':memory:')
  try {
    db.deserialize(copy)
    const rows = db.prepare('SELECT blob FROM Packages').all() as Array<{ blob: unknown }>
    return rows.filter(r => r.blob instanceof Uint8Array).map(r => Buffer.from(r.blob as Uint8Array))
  } finally {
    db.close()
  }
}
