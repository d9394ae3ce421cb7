// Reads a backup archive's entries in order (gunzip, then tar-stream's extract), one entry in memory
// at a time. Whatever is wrong with the file (not gzip, truncated, not tar) becomes an ArchiveError.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { ArchiveError } from './archive-error';

export type ArchiveEntry = { name: string; body: Buffer };

/** No entry the tracker writes comes near this (a chunk is about 4 MB; one row can be a long source text). */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

async function assertGzip(file: string): Promise<void> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new ArchiveError(`Cannot read ${file}: ${(error as Error).message}`, 'archive_unreadable');
  }
  try {
    const start = Buffer.alloc(2);
    const { bytesRead } = await handle.read(start, 0, 2, 0);
    if (bytesRead < 2 || !start.equals(GZIP_MAGIC))
      throw new ArchiveError(`${file} is not a tracker backup archive (it is not gzip-compressed).`, 'archive_not_archive');
  } finally {
    await handle.close();
  }
}

export async function* readArchiveEntries(file: string): AsyncGenerator<ArchiveEntry> {
  await assertGzip(file);
  const extract = tar.extract();
  const piping = pipeline(createReadStream(file), createGunzip(), extract);
  let failure: unknown = null;
  piping.catch((error: unknown) => {
    failure = error;
  });
  try {
    for await (const entry of extract) {
      const { name, size, type } = entry.header;
      if (type !== 'file' || (size ?? 0) > MAX_ENTRY_BYTES) {
        entry.resume();
        throw new ArchiveError(`${file} is not a tracker backup archive (unexpected entry ${name}).`, 'archive_not_archive');
      }
      const parts: Buffer[] = [];
      for await (const part of entry) parts.push(part as Buffer);
      yield { name, body: Buffer.concat(parts) };
    }
    await piping;
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    const reason = (failure ?? error) as Error;
    throw new ArchiveError(`${file} is damaged or incomplete (${reason.message}); nothing was restored from it.`, 'archive_damaged');
  } finally {
    extract.destroy();
  }
}
