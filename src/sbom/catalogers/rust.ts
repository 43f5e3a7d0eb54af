// Rust crates recorded by cargo-auditable: zlib-compressed JSON in the ELF section `.dep-v0`.
import { errorText } from '../../errors/index.js'
import { inflateSync } from 'node:zlib'
import { formatPurl } from '../purl.js'
import { isElf, parseElf, sectionData } from './elf.js'
import { isExecutableCandidate } from './go-binary.js'
import type { CatalogContext, CatalogedFile, Cataloger, Package } from './types.js'
import { bytesOf } from './file-bytes.js'

export const RUST_CATALOGER = 'cargo-auditable-binary-cataloger'
/** cargo-auditable's own format limit; a larger section is not one it wrote. */
const MAX_JSON = 8 * 1024 * 1024

interface AuditPackage {
  name?: unknown
  version?: unknown
  source?: unknown
  kind?: unknown
  dependencies?: unknown
}

export const rustAuditCataloger: Cataloger = {
  name: RUST_CATALOGER,
  wants: file => isExecutableCandidate(file),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    const bytes = bytesOf(file)
    if (!isElf(bytes)) return []
    const elf = parseElf(bytes)
    const section = elf ? sectionData(elf, '.dep-v0') : undefined
    if (!section) return []
    const where = `${file.path} (layer ${file.layer.diffId})`
    let list: AuditPackage[]
    try {
      const json = JSON.parse(inflateSync(section, { maxOutputLength: MAX_JSON }).toString('utf8')) as {
        packages?: unknown
      }
      if (!Array.isArray(json.packages)) throw new Error('no "packages" array')
      list = json.packages as AuditPackage[]
    } catch (cause) {
      ctx.warn(`${where}: unreadable cargo-auditable .dep-v0 section (${errorText(cause)})`)
      return []
    }
    // Build-time crates (build scripts, proc macros) are not in the binary; Syft keeps runtime ones only.
    const kept = new Map<number, Package>()
    list.forEach((dep, index) => {
      if (typeof dep.name !== 'string' || dep.name === '' || typeof dep.version !== 'string') return
      if (dep.kind !== undefined && dep.kind !== 'runtime') return
      kept.set(index, {
        name: dep.name,
        version: dep.version,
        type: 'rust-crate',
        purl: formatPurl({ type: 'cargo', name: dep.name, version: dep.version }),
        foundBy: RUST_CATALOGER,
        locations: [file.path],
        dependsOn: [],
        metadata: { source: typeof dep.source === 'string' ? dep.source : '' }
      })
    })
    for (const [index, pkg] of kept) {
      const deps = list[index]!.dependencies
      if (!Array.isArray(deps)) continue
      for (const d of deps) {
        const target = typeof d === 'number' ? kept.get(d) : undefined
        if (target) pkg.dependsOn!.push(target.name)
      }
    }
    return [...kept.values()]
  }
}
