// SUSE's rpm "ndb" Packages.db: a slot table pointing at blob blocks (rpm lib/backend/ndb/rpmpkg.c).

const HEADER_MAGIC = 0x506d7052 // "RpmP" little-endian
const SLOT_MAGIC = 0x746f6c53 // "Slot"
const BLOB_MAGIC = 0x53626c42 // "BlbS"
const SLOTS_PER_PAGE = 4096 / 16
const BLOCK = 16

export function isNdb(data: Buffer): boolean {
  return data.length >= 32 && data.readUInt32LE(0) === HEADER_MAGIC
}

/** Header blobs of every used slot; a bad slot or blob is reported through `warn` and skipped. */
export function ndbBlobs(data: Buffer, warn: (message: string) => void): Buffer[] {
  if (data.readUInt32LE(4) !== 0) throw new Error(`unsupported ndb version ${data.readUInt32LE(4)}`)
  const pages = data.readUInt32LE(12)
  if (pages === 0 || pages > 2048) throw new Error(`implausible ndb slot page count ${pages}`)
  const blobs: Buffer[] = []
  // The 32-byte database header takes the place of the first two slots.
  const slotCount = pages * SLOTS_PER_PAGE - 2
  for (let i = 0; i < slotCount; i++) {
    const o = 32 + i * 16
    if (o + 16 > data.length) throw new Error(`slot table truncated at slot ${i}`)
    if (data.readUInt32LE(o) !== SLOT_MAGIC) throw new Error(`bad slot magic at slot ${i}`)
    const pkgIndex = data.readUInt32LE(o + 4)
    if (pkgIndex === 0) continue
    const at = data.readUInt32LE(o + 8) * BLOCK
    if (
      at + 16 > data.length ||
      data.readUInt32LE(at) !== BLOB_MAGIC ||
      data.readUInt32LE(at + 4) !== pkgIndex
    ) {
      warn(`ndb slot ${i} (package ${pkgIndex}) points at no valid blob`)
      continue
    }
    const len = data.readUInt32LE(at + 12)
    if (at + 16 + len > data.length) {
      warn(`ndb blob of package ${pkgIndex} runs past the end of the file`)
      continue
    }
    blobs.push(data.subarray(at + 16, at + 16 + len))
  }
  return blobs
}
