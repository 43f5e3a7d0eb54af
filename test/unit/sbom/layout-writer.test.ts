import { describe, expect, it } from '@jest/globals'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tarDirectory } from '../../../bench/sbom/layout-writer.js'

async function drain(stream: NodeJS.ReadableStream): Promise<number> {
  let n = 0
  for await (const chunk of stream) n += (chunk as Buffer).length
  return n
}

describe('bench layout writer: tarDirectory', () => {
  it('keeps every byte of a small tree when the consumer attaches after tar has exited', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tar-dir-'))
    try {
      await mkdir(join(dir, 'opt'))
      await writeFile(join(dir, 'opt/x.json'), '{}')
      const stream = tarDirectory(dir, '')
      // Long enough for tar to finish and exit before anything reads its output.
      await new Promise(r => setTimeout(r, 300))
      // Three headers, one data block and the end blocks fit in one of GNU tar's 10 KiB records.
      expect(await drain(stream)).toBe(10240)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('fails the stream when tar fails instead of ending it empty', async () => {
    const stream = tarDirectory(join(tmpdir(), 'no-such-dir-for-tar'), '')
    await expect(drain(stream)).rejects.toThrow(/tar of .* exited 2/)
  })
})
