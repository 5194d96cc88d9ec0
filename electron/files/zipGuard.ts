import zlib from 'node:zlib';
import { DomainError } from '../../shared/api/errors';

/*
 * An .xlsx is a zip: 1.4 MB of it can inflate to 450 MB of XML and take the app down before a
 * single row is read (issue 9.6). Everything here is decided from the zip's central directory
 * and the first kilobyte of each sheet, without inflating the file.
 */

export type ZipLimits = {
  /** Largest uncompressed size of one entry. */
  entryBytes: number;
  /** Largest uncompressed size of all entries together. */
  totalBytes: number;
  /** Most rows one sheet may declare in its `<dimension>`. */
  rows: number;
  /**
   * Inflate every entry (each capped at its declared size) to prove the directory does not
   * lie. Cheap for small files such as forms; a statement counts its bytes while it streams.
   */
  verify: boolean;
};

const MB = 1024 * 1024;

/** A bank statement: 200,000 rows of a wide sheet stay well inside these. */
export const STATEMENT_LIMITS: ZipLimits = { entryBytes: 256 * MB, totalBytes: 320 * MB, rows: 200_030, verify: false };
/** An exported appraisal form: a few small sheets. */
export const FORM_LIMITS: ZipLimits = { entryBytes: 32 * MB, totalBytes: 64 * MB, rows: 10_000, verify: true };

export type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;

/** The entries the central directory lists, or null when there is none to read (not a zip). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  // The end-of-central-directory record sits in the last 64 KB (after an optional comment).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  // Zip64: the real count and offset are in the zip64 end record the locator points to.
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
    const record = u64(bytes, end - 12);
    if (u32(bytes, record) === 0x06064b50) {
      count = u64(bytes, record + 32);
      offset = u64(bytes, record + 48);
    }
  }
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff)
      readZip64(bytes, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes over 4 GB live in the zip64 extra field, in this order, only for the fields that overflow. */
function readZip64(bytes: Uint8Array, extraStart: number, extraLength: number, entry: ZipEntry): void {
  for (let at = extraStart; at + 4 <= extraStart + extraLength;) {
    const id = u16(bytes, at);
    const length = u16(bytes, at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
        if (entry[key] !== 0xffffffff) continue;
        entry[key] = u64(bytes, field);
        field += 8;
      }
      return;
    }
    at += 4 + length;
  }
  // An overflowing size without its zip64 field: take it at its word, as too large.
  entry.size = Number.MAX_SAFE_INTEGER;
}

/** The compressed bytes of an entry, found through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) return null;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  return bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
}

/** The start of an entry, inflating at most its first kilobyte of compressed data. */
function entryHead(bytes: Uint8Array, entry: ZipEntry): string {
  const data = entryData(bytes, entry);
  if (!data) return '';
  const slice = data.subarray(0, 1024);
  try {
    const head = entry.method === 8 ? zlib.inflateRawSync(slice, { finishFlush: zlib.constants.Z_SYNC_FLUSH }) : Buffer.from(slice);
    return head.subarray(0, 64 * 1024).toString('utf8');
  } catch {
    return '';
  }
}

/** The last row a sheet's `<dimension ref="A1:J200005"/>` declares, or null without one. */
export function declaredRows(sheetHead: string): number | null {
  const ref = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"/.exec(sheetHead)?.[1];
  const last = ref ? /(\d+)$/.exec(ref)?.[1] : undefined;
  return last === undefined ? null : Number(last);
}

const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/**
 * Refuses, naming the file, an .xlsx whose entries would inflate past the limits or whose
 * sheets declare more rows than allowed — before any parser sees it. A file that is not a
 * readable zip passes through untouched: its own parser says what is wrong with it.
 */
export function guardXlsx(bytes: Uint8Array, file: string, limits: ZipLimits): ZipEntry[] | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const tooLarge = (entry: ZipEntry) =>
    new DomainError('file.inflatesTooLarge', { file, entry: entry.name, sizeMb: Math.ceil(entry.size / MB), limitMb: Math.round(limits.totalBytes / MB) });
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    if (entry.size > limits.entryBytes || total > limits.totalBytes) throw tooLarge(entry);
  }
  for (const entry of entries.filter((e) => isSheet(e.name))) {
    const rows = declaredRows(entryHead(bytes, entry));
    if (rows !== null && rows > limits.rows)
      throw new DomainError('file.tooManyRows', { file, sheet: sheetName(entry.name), limit: limits.rows.toLocaleString('en-US') });
  }
  if (!limits.verify) return entries;
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    if (!data || entry.method !== 8) continue;
    try {
      // Capped at what the directory declares: a lying entry stops at its claim, not at 450 MB.
      zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge({ ...entry, size: limits.totalBytes + 1 });
      // Damaged data is for the parser to report in its own words.
    }
  }
  return entries;
}

/** "xl/worksheets/sheet2.xml" → "sheet2": the file name is all the directory knows. */
export function sheetName(entryName: string): string {
  return entryName.replace(/^.*\//, '').replace(/\.xml$/i, '');
}

/** Counts inflated bytes of a streamed entry and refuses once they pass the limit. */
export function inflatedBytesGuard(file: string, entry: string, limitBytes: number): (chunk: Uint8Array | string) => void {
  let seen = 0;
  return (chunk) => {
    seen += chunk.length;
    if (seen > limitBytes) throw new DomainError('file.inflatesTooLarge', { file, entry, sizeMb: Math.ceil(seen / MB), limitMb: Math.round(limitBytes / MB) });
  };
}
