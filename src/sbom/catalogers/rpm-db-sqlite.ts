// rpm ≥ 4.16 sqlite databases: one header blob per row of Packages.
import { withSqlite } from './sqlite.js'

export { isSqlite } from './sqlite.js'

/** Header blobs of every row of Packages. Throws when the file is not a usable sqlite database. */
export function sqliteBlobs(data: Buffer): Buffer[] {
  return withSqlite(data, db => {
    const rows = db.prepare('SELECT blob FROM Packages').all() as Array<{ blob: unknown }>
    return rows.filter(r => r.blob instanceof Uint8Array).map(r => Buffer.from(r.blob as Uint8Array))
  })
}
