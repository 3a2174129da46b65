import { open } from 'node:fs/promises'
import { createDeflateRaw, crc32 } from 'node:zlib'

export type ZipPart = {
  name: string
  /** The part's bytes, produced piece by piece: a bomb of gigabytes is never held whole. */
  content: () => Iterable<Buffer | string>
  /** The uncompressed size the zip declares, when it should lie about it. */
  declaredSize?: number
}

/**
 * Writes a zip file (deflated parts, sizes in the local headers and the central directory), for
 * tests that need workbooks no spreadsheet program would write: zip bombs, endless rows.
 */
export async function writeZip(path: string, parts: readonly ZipPart[]): Promise<void> {
  const file = await open(path, 'w')
  const central: Buffer[] = []
  let offset = 0
  try {
    for (const part of parts) {
      const { data, crc, size } = await deflate(part.content())
      const name = Buffer.from(part.name, 'utf8')
      const declared = part.declaredSize ?? size
      const local = Buffer.alloc(30)
      local.writeUInt32LE(0x04034b50, 0)
      writeCommon(local, 4, { crc, compressed: data.length, size: declared, nameLength: name.length })
      await file.write(Buffer.concat([local, name, data]))
      const entry = Buffer.alloc(46)
      entry.writeUInt32LE(0x02014b50, 0)
      entry.writeUInt16LE(20, 4) // made by
      writeCommon(entry, 6, { crc, compressed: data.length, size: declared, nameLength: name.length })
      entry.writeUInt32LE(offset, 42)
      central.push(entry, name)
      offset += local.length + name.length + data.length
    }
    const directory = Buffer.concat(central)
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(parts.length, 8)
    end.writeUInt16LE(parts.length, 10)
    end.writeUInt32LE(directory.length, 12)
    end.writeUInt32LE(offset, 16)
    await file.write(Buffer.concat([directory, end]))
  } finally {
    await file.close()
  }
}

type Common = { crc: number; compressed: number; size: number; nameLength: number }

/** The fields local and central headers share, from "version needed" to the name's length. */
function writeCommon(header: Buffer, at: number, { crc, compressed, size, nameLength }: Common): void {
  header.writeUInt16LE(20, at) // version needed
  header.writeUInt16LE(0x0800, at + 2) // UTF-8 names
  header.writeUInt16LE(8, at + 4) // deflate
  header.writeUInt16LE(0, at + 6) // time
  header.writeUInt16LE(0x21, at + 8) // 1980-01-01
  header.writeUInt32LE(crc, at + 10)
  header.writeUInt32LE(compressed, at + 14)
  header.writeUInt32LE(size, at + 18)
  header.writeUInt16LE(nameLength, at + 22)
}

async function deflate(pieces: Iterable<Buffer | string>): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflater = createDeflateRaw({ level: 1 })
  const out: Buffer[] = []
  deflater.on('data', (chunk: Buffer) => out.push(chunk))
  const finished = new Promise<void>((resolve, reject) => deflater.on('end', resolve).on('error', reject))
  let crc = 0
  let size = 0
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece
    crc = crc32(bytes, crc)
    size += bytes.length
    if (!deflater.write(bytes)) await new Promise<void>((resolve) => deflater.once('drain', () => resolve()))
  }
  deflater.end()
  await finished
  return { data: Buffer.concat(out), crc, size }
}
