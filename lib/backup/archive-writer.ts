// Writes a backup archive: tar entries (tar-stream) through gzip (zlib) into a file, with the
// stream's back-pressure, so memory holds one chunk at a time. The file is written under a temporary
// name and renamed when complete: a failed or interrupted backup never leaves a half archive.
import { createWriteStream, existsSync } from 'node:fs';
import { link, rename, rm, unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';

export class ArchiveWriter {
  private readonly pack = tar.pack();
  private readonly done: Promise<void>;
  private readonly temporary: string;

  constructor(private readonly file: string) {
    this.temporary = `${file}.partial-${process.pid}`;
    this.done = pipeline(this.pack, createGzip({ level: 6 }), createWriteStream(this.temporary, { flags: 'wx' }));
    // Surfaced by finish() or abort(); keeps an early failure from being an unhandled rejection.
    this.done.catch(() => undefined);
  }

  /** Adds one entry; resolves once the archive has taken it (waiting while gzip and the disk catch up). */
  add(name: string, body: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pack.entry({ name, size: body.length, mtime: new Date(0) }, body, (error) => (error ? reject(error) : resolve()));
    });
  }

  async finish(overwrite: boolean): Promise<void> {
    this.pack.finalize();
    await this.done;
    if (!overwrite) {
      // Never replace a file that appeared meanwhile unless asked to (the CLI's --force).
      try {
        await link(this.temporary, this.file);
      } catch (error) {
        // A file system without hard links: rename, having checked the name is still free.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST' || existsSync(this.file)) throw error;
        await rename(this.temporary, this.file);
        return;
      }
      await unlink(this.temporary);
      return;
    }
    await rename(this.temporary, this.file);
  }

  async abort(): Promise<void> {
    this.pack.destroy();
    await this.done.catch(() => undefined);
    await rm(this.temporary, { force: true });
  }
}
