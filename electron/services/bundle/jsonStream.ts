import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { DomainError } from '../../../shared/api/errors';

/*
 * A bundle read as a stream (issue 12.9): a bundle is one JSON object whose few big arrays
 * (deals, receipts) hold nearly all of it. Read whole, a bundle over 512 MB of text cannot even
 * be held as a string (ERR_STRING_TOO_LONG), and a 223 MB one peaks at 2.17 GB. Here the file is
 * read a few MB at a time; each top-level value, or each element of a streamed array, is cut out
 * by a scan of brackets and strings and given to JSON.parse alone — synchronously, so the whole
 * load can run inside one SQLite transaction.
 */

const CHUNK = 4 * 1024 * 1024;
/** Less than this left to read as one run of elements, and the next chunk is read first. */
const RUN_BYTES = 1024 * 1024;

export type TopLevelVisitor = {
  /** Top-level keys whose array value is visited element by element. */
  streamed: ReadonlySet<string>;
  /** A top-level value (not streamed); `parse` gives it as JSON.parse would. Not called for skipped keys. */
  value?: (key: string, parse: () => unknown) => void;
  /** An element of a streamed array, in order. */
  element?: (key: string, index: number, parse: () => unknown) => void;
};

class Scanner {
  private text = '';
  private at = 0;
  private done = false;
  private readonly decoder = new StringDecoder('utf8');
  private readonly chunk: Buffer;
  /** Characters read before `text`, for positions in messages. */
  private consumed = 0;
  /** Where the last run that did not parse was cut (an index into `text`): elements before it are cut one by one. */
  private cutBefore = 0;

  constructor(
    private readonly fd: number,
    private readonly file: string,
    chunkBytes: number,
  ) {
    this.chunk = Buffer.alloc(chunkBytes);
  }

  fail(reason: string): never {
    throw new DomainError('bundle.json', { file: this.file, reason: `${reason} (position ${this.consumed + this.at})` });
  }

  /** Reads more of the file, keeping the text from `keepFrom` on; false at its end. */
  private more(keepFrom: number): boolean {
    if (this.done) return false;
    const read = fs.readSync(this.fd, this.chunk, 0, this.chunk.length, null);
    this.consumed += keepFrom;
    const kept = this.text.slice(keepFrom);
    if (read === 0) {
      this.done = true;
      this.text = kept + this.decoder.end();
    } else this.text = kept + this.decoder.write(this.chunk.subarray(0, read));
    this.at -= keepFrom;
    this.cutBefore -= keepFrom;
    return true;
  }

  /** The next character that is not white space (without consuming it), or '' at the end. */
  peek(): string {
    for (;;) {
      while (this.at < this.text.length) {
        const c = this.text.charCodeAt(this.at);
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) return this.text[this.at] ?? '';
        this.at++;
      }
      if (!this.more(this.at)) return '';
    }
  }

  expect(char: string): void {
    if (this.peek() !== char) this.fail(this.peek() === '' ? 'Unexpected end of JSON input' : `expected "${char}", found "${this.peek()}"`);
    this.at++;
  }

  /**
   * Consumes one JSON value and returns its text (not parsed). Unless `keep`, the text is only
   * stepped over: what has been passed is let go as more is read, and '' is returned — the
   * first pass's way past a streamed array, in one scan rather than element by element.
   */
  valueText(keep = true): string {
    if (this.peek() === '') this.fail('Unexpected end of JSON input');
    // `at` stays on the value's start while `i` scans; reading more keeps the text from `at`.
    let i = this.at;
    let depth = 0;
    let offset = 0;
    scan: for (;;) {
      if (i >= this.text.length) {
        if (!keep) this.at = i;
        offset = this.at;
        if (this.more(offset)) {
          i -= offset;
          continue;
        }
        if (depth === 0 && i > this.at) break; // a bare number, true, false or null ends the file
        this.fail('Unexpected end of JSON input');
      }
      const c = this.text.charCodeAt(i);
      if (c === 0x22) {
        // A string: up to the first quote not escaped by an odd run of backslashes.
        let j = i + 1;
        for (;;) {
          const q = this.text.indexOf('"', j);
          if (q < 0) {
            if (!keep) this.at = i;
            const searched = this.text.length - this.at;
            offset = this.at;
            if (!this.more(offset)) this.fail('Unterminated string in JSON');
            i -= offset;
            j = this.at + searched;
            continue;
          }
          let slashes = 0;
          for (let k = q - 1; this.text.charCodeAt(k) === 0x5c; k--) slashes++;
          j = q + 1;
          if (slashes % 2 === 0) break;
        }
        i = j;
        if (depth === 0) break;
        continue;
      }
      switch (c) {
        case 0x7b:
        case 0x5b:
          depth++;
          break;
        case 0x7d:
        case 0x5d:
          // At depth 0 this closes the enclosing container: a bare value ends before it.
          if (depth === 0) break scan;
          if (--depth === 0) {
            i++;
            break scan;
          }
          break;
        case 0x2c:
        case 0x20:
        case 0x0a:
        case 0x0d:
        case 0x09:
          if (depth === 0) break scan;
          break;
      }
      i++;
    }
    const text = keep ? this.text.slice(this.at, i) : '';
    this.at = i;
    return text;
  }

  /**
   * The elements from here up to the last `},` read so far, parsed by one JSON.parse — or null,
   * and then the caller cuts element by element. A cut that is not between two elements of this
   * array (inside a string, inside a nested object, or past the array's end) leaves JSON.parse an
   * unterminated string, an unclosed bracket or text after the array, so it cannot parse; nor
   * can malformed text. Such a cut is not tried again: elements are cut one by one up to it.
   */
  elementRun(): unknown[] | null {
    if (this.at < this.cutBefore) return null;
    if (this.text.length - this.at < RUN_BYTES && !this.done) this.more(this.at);
    const cut = this.text.lastIndexOf('},');
    if (cut < this.at) return null;
    try {
      const values = JSON.parse(`[${this.text.slice(this.at, cut + 1)}]`) as unknown[];
      this.at = cut + 1;
      return values;
    } catch {
      this.cutBefore = cut + 1;
      return null;
    }
  }

  parse(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      return this.fail((error as Error).message);
    }
  }
}

/**
 * Visits the top-level object of a JSON file: keys in `visitor.streamed` element by element,
 * every other key as one value. Malformed JSON is a `bundle.json` error naming the file.
 */
export function visitJsonFile(file: string, visitor: TopLevelVisitor, chunkBytes = CHUNK): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new DomainError('bundle.read', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  try {
    const scan: Scanner = new Scanner(fd, file, chunkBytes);
    if (scan.peek() !== '{') {
      // Not an object: whatever it is, JSON.parse of it says how (or the caller says it is no bundle).
      if (scan.peek() === '') scan.fail('Unexpected end of JSON input');
      visitor.value?.('', () => scan.parse(scan.valueText()));
      return;
    }
    scan.expect('{');
    if (scan.peek() === '}') return;
    for (;;) {
      const key = scan.parse(scan.valueText());
      if (typeof key !== 'string') scan.fail('expected a key');
      scan.expect(':');
      if (visitor.streamed.has(key) && scan.peek() === '[' && !visitor.element) {
        // Nobody looks at the elements: the array is stepped over whole.
        scan.valueText(false);
      } else if (visitor.streamed.has(key) && scan.peek() === '[') {
        scan.expect('[');
        const element = visitor.element;
        // Elements are parsed a batch at a time: one JSON.parse of 500 records costs a fraction
        // of 500 calls on 150 characters each.
        let batch: string[] = [];
        let index = 0;
        const flush = () => {
          if (!element || batch.length === 0) return;
          const texts = batch;
          batch = [];
          let values: unknown[];
          try {
            values = JSON.parse(`[${texts.join(',')}]`) as unknown[];
          } catch {
            // One of them is malformed: parsed alone, it says which and how.
            values = texts.map((text) => scan.parse(text));
          }
          for (const value of values) element(key, index++, () => value);
        };
        if (scan.peek() === ']') scan.expect(']');
        else
          for (;;) {
            // Most elements come a run at a time; the rest (and any that do not parse) one by one.
            const run = element && batch.length === 0 ? scan.elementRun() : null;
            if (run) for (const value of run) element?.(key, index++, () => value);
            else {
              const text = scan.valueText();
              if (element) {
                batch.push(text);
                if (batch.length === 500) flush();
              }
            }
            const next = scan.peek();
            scan.expect(next === ',' ? ',' : ']');
            if (next !== ',') break;
          }
        flush();
      } else {
        const text = scan.valueText();
        visitor.value?.(key, () => scan.parse(text));
      }
      const next = scan.peek();
      scan.expect(next === ',' ? ',' : '}');
      if (next !== ',') break;
    }
    if (scan.peek() !== '') scan.fail(`Unexpected non-whitespace character after JSON`);
  } finally {
    fs.closeSync(fd);
  }
}
