// A file written through a stream with backpressure, hashing (sha256) every byte on the way.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';

export interface FileDigest {
  readonly bytes: number;
  readonly sha256: string;
}

export class HashedFile {
  private readonly stream: WriteStream;
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private failure: Error | null = null;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { flags: 'w', highWaterMark: 1 << 20 });
    this.stream.on('error', (e) => {
      this.failure ??= e;
    });
  }

  /** Appends text (as UTF-8) or bytes; resolves once the stream can take more. Bytes must not change until `written` is called (once they are on disk). */
  async write(data: string | Uint8Array, written?: () => void): Promise<void> {
    if (this.failure) throw this.failure;
    if (data.length === 0) return written?.();
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.hash.update(buf);
    this.bytes += buf.length;
    // Let up to 64 MiB queue so generation overlaps the disk; wait for drain beyond that.
    if (!this.stream.write(buf, written && (() => written())) && this.stream.writableLength > 64 << 20) await this.drained();
  }

  /** Flushes and closes the file; returns its size and sha256. */
  async close(): Promise<FileDigest> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await settle(this.stream, 'finish');
    if (this.failure) throw this.failure;
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  /** Closes the stream (if open) and removes the file; never throws. */
  async discard(): Promise<void> {
    if (!this.stream.closed) {
      this.stream.destroy();
      await once(this.stream, 'close').catch(() => undefined);
    }
    await rm(this.path, { force: true }).catch(() => undefined);
  }

  private async drained(): Promise<void> {
    await settle(this.stream, 'drain');
    if (this.failure) throw this.failure;
  }
}

/** Waits for `event`, or for the stream to fail or close first. */
function settle(stream: WriteStream, event: 'drain' | 'finish'): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off(event, done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on(event, done);
    stream.on('error', done);
    stream.on('close', done);
  });
}

/** sha256 and size of a file on disk, read as a stream. */
export async function digestFile(path: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}
