/*
 * A small XML scanner for the parts of an .xlsx a statement needs (issue 8.6): the text comes
 * in chunks, as it inflates, and goes out as open/close/text events at once — nothing of the
 * document is kept but the unfinished tail of the last chunk. It knows the XML an .xlsx uses:
 * elements with attributes, text with the five named entities and numeric references, CDATA
 * (given as text), comments, processing instructions and a DOCTYPE (skipped, never expanded).
 * Element and attribute names come without their namespace prefix (`x:c` is `c`).
 */

export type XmlHandler = {
  /** `attributes` is the raw text after the name (read it with `attributesOf`). */
  open: (name: string, attributes: string, selfClosing: boolean) => void;
  close: (name: string) => void;
  /** Text between tags, entities decoded. Called only while `wantsText()` says so. */
  text: (text: string) => void;
  /** Whether text is of use now: text nobody reads is never cut out of the chunk. */
  wantsText: () => boolean;
};

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;

function entity(match: string, body: string): string {
  if (body.charCodeAt(0) !== 35) return NAMED[body] ?? match;
  const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

/** Text with XML's entities decoded; an unknown `&name;` is left as written. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? text.replace(ENTITY, entity) : text;
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** The attributes of a tag by local name, values decoded. */
export function attributesOf(raw: string): Record<string, string> {
  const result: Record<string, string> = {};
  let at = 0;
  for (;;) {
    const eq = raw.indexOf('=', at);
    if (eq < 0) return result;
    let quoteAt = eq + 1;
    while (quoteAt < raw.length && raw.charCodeAt(quoteAt) <= 32) quoteAt++;
    const quote = raw[quoteAt];
    if (quote !== '"' && quote !== "'") return result;
    const close = raw.indexOf(quote, quoteAt + 1);
    if (close < 0) return result;
    result[localName(raw.slice(at, eq).trim())] = decodeEntities(raw.slice(quoteAt + 1, close));
    at = close + 1;
  }
}

/** Where the tag starting before `from` ends (its `>`), quoted `>` skipped; -1 when not in `s` yet. */
function tagEnd(s: string, from: number): number {
  let gt = s.indexOf('>', from);
  if (gt < 0) return -1;
  for (let k = from; k < gt; k++) {
    const ch = s.charCodeAt(k);
    if (ch !== 34 && ch !== 39) continue;
    const close = s.indexOf(ch === 34 ? '"' : "'", k + 1);
    if (close < 0) return -1;
    k = close;
    if (close > gt) {
      gt = s.indexOf('>', close + 1);
      if (gt < 0) return -1;
    }
  }
  return gt;
}

/** Feeds chunks of an XML document to a handler, as they come. */
export class XmlScanner {
  private carry = '';

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const s = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = s.slice(this.scan(s));
  }

  /** The document's end: a tag left open is a cut-short file. */
  end(): void {
    const rest = this.carry;
    this.carry = '';
    if (rest.includes('<')) throw new Error('XML cut short');
    if (rest !== '' && this.handler.wantsText()) this.handler.text(decodeEntities(rest));
  }

  /** Scans what is complete in `s`; returns where the unfinished rest starts. */
  private scan(s: string): number {
    const handler = this.handler;
    const n = s.length;
    let p = 0;
    while (p < n) {
      const lt = s.indexOf('<', p);
      // Text up to the end may stop inside an entity: it waits for the next tag.
      if (lt < 0) return p;
      if (lt > p && handler.wantsText()) handler.text(decodeEntities(s.slice(p, lt)));
      p = lt;
      const next = s.charCodeAt(lt + 1);
      if (Number.isNaN(next)) return lt;
      if (next === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) return lt;
          p = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) return lt;
          if (handler.wantsText()) handler.text(s.slice(lt + 9, end));
          p = end + 3;
        } else {
          if (n - lt < 9) return lt;
          const end = tagEnd(s, lt + 2);
          if (end < 0) return lt;
          p = end + 1;
        }
        continue;
      }
      if (next === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) return lt;
        p = end + 2;
        continue;
      }
      const end = tagEnd(s, lt + 1);
      if (end < 0) return lt;
      if (next === 47 /* / */) {
        handler.close(localName(s.slice(lt + 2, end).trim()));
      } else {
        const selfClosing = s.charCodeAt(end - 1) === 47;
        const stop = selfClosing ? end - 1 : end;
        let nameEnd = lt + 1;
        while (nameEnd < stop && s.charCodeAt(nameEnd) > 32) nameEnd++;
        const name = localName(s.slice(lt + 1, nameEnd));
        handler.open(name, nameEnd < stop ? s.slice(nameEnd, stop) : '', selfClosing);
        if (selfClosing) handler.close(name);
      }
      p = end + 1;
    }
    return p;
  }
}

/**
 * A copy of a string cut from a chunk, sharing nothing with it: V8 keeps a slice of 13
 * characters or more as a view of its whole parent, so each kept shared string would hold its
 * chunk (and so the whole XML) in memory. A round trip through UTF-8 gives a string of its own
 * (`(' ' + s).slice(1)` does not: it is a view again, of a copy one longer).
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}
