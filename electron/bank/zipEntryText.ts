import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { entryData, inflatedBytesGuard, STATEMENT_LIMITS, type ZipEntry } from '../files/zipGuard';

/*
 * One part of an .xlsx as text, chunk by chunk as it inflates (issue 8.6): found through the
 * central directory the zip guard has already read, inflated with node's zlib (or taken as it
 * is when stored), decoded as UTF-8 across chunk boundaries. Never more than one chunk at a time.
 */

/**
 * Inflated a quarter of a megabyte at a time: zlib inflates on the thread pool and each chunk is
 * a round trip there, so small chunks leave the reader waiting (32 KB chunks cost 0.8 s of idle
 * time on a 200,000-row sheet).
 */
const INFLATE_CHUNK = 256 * 1024;
/**
 * Decoded 32 KB at a time: a chunk of Chinese text becomes a two-byte string of 64 KB, which V8
 * makes in the young generation (past 128 KB it goes straight to the old one, and lingers there).
 */
const TEXT_CHUNK = 32 * 1024;

/** The entry by its name in the directory; names differing only in case are the same part. */
export function findEntry(entries: readonly ZipEntry[], name: string): ZipEntry | undefined {
  const lower = name.toLowerCase();
  return entries.find((e) => e.name === name) ?? entries.find((e) => e.name.toLowerCase() === lower);
}

/**
 * The entry's bytes in chunks as it inflates. Refuses (naming the file) an entry that inflates
 * past what its directory record declared or past the statement limit; damaged data throws a
 * plain Error, which the reader reports as an unreadable file.
 */
export async function* entryChunks(bytes: Uint8Array, entry: ZipEntry, file: string): AsyncGenerator<Buffer> {
  const data = entryData(bytes, entry);
  if (!data) throw new Error(`zip entry ${entry.name} not found`);
  // A lying directory record is stopped where it stops being true, not at the limit.
  const count = inflatedBytesGuard(file, entry.name.replace(/^.*\//, ''), Math.min(STATEMENT_LIMITS.entryBytes, entry.size + 1));
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += INFLATE_CHUNK) {
      const chunk = data.subarray(at, at + INFLATE_CHUNK);
      count(chunk);
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  } else if (entry.method === 8) {
    const inflate = zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK });
    inflate.end(data);
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      count(chunk);
      yield chunk;
    }
  } else {
    throw new Error(`zip entry ${entry.name} uses compression method ${entry.method}`);
  }
}

/** The entry's text in chunks, UTF-8 decoded across chunk boundaries (`entryChunks`). */
export async function* entryText(bytes: Uint8Array, entry: ZipEntry, file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of entryChunks(bytes, entry, file)) {
    for (let at = 0; at < chunk.length; at += TEXT_CHUNK) yield decoder.write(chunk.subarray(at, at + TEXT_CHUNK));
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}
