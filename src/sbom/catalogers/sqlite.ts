// Sqlite databases (rpm ≥ 4.16, Nix) opened in memory from the buffered bytes (no temp file).
import { DatabaseSync } from 'node:sqlite'

export function isSqlite(data: Buffer): boolean {
  return data.length >= 100 && data.toString('latin1', 0, 16) === 'SQLite format 3\u0000'
}

/** Runs `use` on the database; throws when the bytes are not a usable sqlite database. */
export function withSqlite<T>(data: Buffer, use: (db: DatabaseSync) => T): T {
  // rpm and Nix write WAL mode (format bytes 2/2); an in-memory database only opens in rollback mode (1/1).
  // Patch the caller's buffer and restore it right after (synchronous, so nobody sees it), sparing a copy
  // of a database that can be tens of MiB; deserialize() copies the bytes into SQLite's own memory.
  const saved = [data[18]!, data[19]!]
  const db = new DatabaseSync(':memory:')
  try {
    data[18] = 1
    data[19] = 1
    try {
      db.deserialize(data)
    } finally {
      data[18] = saved[0]!
      data[19] = saved[1]!
    }
    return use(db)
  } finally {
    db.close()
  }
}
