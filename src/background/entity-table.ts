// The entities' part of data/detector.bin (see load.ts): what the first stage knows of every entity
// (its brief and its forms in the other Chinese script) in a binary table that a woken worker reads
// with one TextDecoder call and no JSON parse; an entity's object is made when it is asked for
// (handlers need a few per page), found by binary search over the ids (stored sorted). Measured on
// the 2,046-article corpus (5,002 entities, Node): the JSON form (0.3 MB) cost 6–8 ms to decode,
// parse and turn into objects at every cold start; this table costs about 1 ms.
// Layout (little-endian; every part starts on a 4-byte boundary):
//   u32 entities | u32 strings | u32 UTF-8 bytes | u32 ends[strings] (UTF-16 end offsets)
//   | u32 firsts[entities + 1] | u32 articleCounts[entities] | u8 kinds[entities]
//   | u8 sources[strings] | UTF-8 text
// Entity i owns strings [firsts[i], firsts[i + 1]): id, name, English name ('' if none), then its
// other-script forms (their alias sources in `sources`); the strings after the last entity are the
// folded names and aliases the detector's patterns leave out (load.ts: `knows`).
import type { Alias, AliasSource, Entity, EntityKind } from '../entities/types.ts';
import { packStrings } from '../match/detector.ts';
import type { EntityInfo } from './corpus.ts';
import { EntityMapView } from './entity-map.ts';

// The codes stored for kinds and alias sources. Records, so that a kind or source added to
// entities/types.ts does not compile until it has a code here (written as 255, the worker would
// refuse the whole file).
const KIND_CODES: Record<EntityKind, number> = {
  person: 0,
  place: 1,
  organisation: 2,
  topic: 3,
  event: 4,
};
const SOURCE_CODES: Record<AliasSource, number> = {
  corpus: 0,
  parenthetical: 1,
  quoted: 2,
  heading: 3,
  cedict: 4,
  opencc: 5,
  pinyin: 6,
  'short-form': 7,
  'variant-table': 8,
  'variant-gloss': 9,
  'variant-phonetic': 10,
  'given-name': 11,
};
const byCode = <K extends string>(codes: Record<K, number>): K[] => {
  const out: K[] = [];
  for (const [key, code] of Object.entries(codes) as Array<[K, number]>) out[code] = key;
  return out;
};
const KINDS: readonly EntityKind[] = byCode(KIND_CODES);
const SOURCES: readonly AliasSource[] = byCode(SOURCE_CODES);

/** The code of a kind or source read from the corpus (untyped JSON at build time); throws if unknown. */
function codeOf<K extends string>(codes: Record<K, number>, value: K, what: string): number {
  const code = Object.hasOwn(codes, value) ? codes[value] : undefined;
  if (code === undefined) throw new Error(`entity table: unknown ${what} ${JSON.stringify(value)}`);
  return code;
}
const HEADER_WORDS = 3;

const pad4 = (n: number) => (n + 3) & ~3;

/** The table's bytes for these entities (ordered by id here) and extra folded keys. */
export function encodeEntityTable<E extends EntityInfo | Entity>(
  entities: readonly E[],
  forms: (e: E) => readonly Alias[],
  otherKeys: readonly string[],
): Uint8Array {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.id === sorted[i - 1]?.id) throw new Error(`entity table: id ${sorted[i]?.id} twice`);
  }
  const strings: string[] = [];
  const sources: number[] = [];
  const firsts = new Uint32Array(sorted.length + 1);
  const counts = new Uint32Array(sorted.length);
  const kinds = new Uint8Array(sorted.length);
  sorted.forEach((e, i) => {
    firsts[i] = strings.length;
    counts[i] = e.articleCount;
    kinds[i] = codeOf(KIND_CODES, e.kind, `kind of ${e.id}`);
    strings.push(e.id, e.name, e.english ?? '');
    sources.push(0, 0, 0);
    for (const a of forms(e)) {
      strings.push(a.text);
      sources.push(codeOf(SOURCE_CODES, a.source, `alias source of ${e.id}`));
    }
  });
  firsts[sorted.length] = strings.length;
  strings.push(...otherKeys);
  for (const _ of otherKeys) sources.push(0);
  const packed = packStrings(strings);
  const ends = packed.ends;
  const text = new TextEncoder().encode(packed.text);
  const parts: ArrayBufferView[] = [
    new Uint32Array([sorted.length, strings.length, text.byteLength]),
    ends,
    firsts,
    counts,
    kinds,
    new Uint8Array(sources),
    text,
  ];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + pad4(p.byteLength), 0));
  let offset = 0;
  for (const p of parts) {
    bytes.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), offset);
    offset += pad4(p.byteLength);
  }
  return bytes;
}

/** The entities, read lazily: a ReadonlyMap by id whose objects are made on first access. */
export class EntityTable extends EntityMapView {
  private readonly made: Array<EntityInfo | undefined>;

  constructor(
    private readonly text: string,
    private readonly ends: Uint32Array,
    private readonly firsts: Uint32Array,
    private readonly counts: Uint32Array,
    private readonly kinds: Uint8Array,
    private readonly sources: Uint8Array,
  ) {
    super();
    this.made = new Array(counts.length);
  }

  get size(): number {
    return this.counts.length;
  }

  private string(s: number): string {
    return this.text.slice(s === 0 ? 0 : this.ends[s - 1], this.ends[s]);
  }

  /** The entity's position, or -1 (binary search over the sorted ids). */
  private find(id: string): number {
    let lo = 0;
    let hi = this.counts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.string(this.firsts[mid] as number);
      if (at === id) return mid;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private at(i: number): EntityInfo {
    const hit = this.made[i];
    if (hit) return hit;
    const first = this.firsts[i] as number;
    const aliases: Alias[] = [];
    for (let s = first + 3; s < (this.firsts[i + 1] as number); s++)
      aliases.push({ text: this.string(s), source: SOURCES[this.sources[s] as number] as AliasSource });
    const info: EntityInfo = {
      id: this.string(first),
      name: this.string(first + 1),
      kind: KINDS[this.kinds[i] as number] as EntityKind,
      articleCount: this.counts[i] as number,
      aliases,
    };
    const english = this.string(first + 2);
    if (english) info.english = english;
    this.made[i] = info;
    return info;
  }

  get(id: string): EntityInfo | undefined {
    const i = this.find(id);
    return i < 0 ? undefined : this.at(i);
  }

  override has(id: string): boolean {
    return this.find(id) >= 0;
  }

  /** The strings after the entities (see the header). */
  otherKeys(): string[] {
    const out: string[] = [];
    for (let s = this.firsts[this.counts.length] as number; s < this.ends.length; s++)
      out.push(this.string(s));
    return out;
  }

  override *entries(): MapIterator<[string, EntityInfo]> {
    for (let i = 0; i < this.counts.length; i++) {
      const e = this.at(i);
      yield [e.id, e];
    }
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.counts.length; i++) yield this.string(this.firsts[i] as number);
  }
}

/**
 * Reads a table written by encodeEntityTable; `fail` reports what is wrong (the caller names the
 * file). The typed arrays are views over `bytes` (copied once if it does not start 4-aligned).
 */
export function decodeEntityTable(input: Uint8Array, fail: (why: string) => never): EntityTable {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < HEADER_WORDS * 4) fail('entity table truncated');
  const head = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  const count = head[0] as number;
  const stringCount = head[1] as number;
  const textBytes = head[2] as number;
  const sizes = [
    HEADER_WORDS * 4,
    stringCount * 4,
    (count + 1) * 4,
    count * 4,
    count,
    stringCount,
    textBytes,
  ];
  if (sizes.reduce((n, s) => n + pad4(s), 0) !== bytes.byteLength)
    fail(
      `entity table of ${bytes.byteLength} bytes does not hold ${count} entities and ${stringCount} strings`,
    );
  let at = bytes.byteOffset + pad4(sizes[0] as number);
  const take = <T>(
    make: (buffer: ArrayBufferLike, offset: number, n: number) => T,
    n: number,
    size: number,
  ): T => {
    const view = make(bytes.buffer, at, n);
    at += pad4(n * size);
    return view;
  };
  const u32 = (b: ArrayBufferLike, o: number, n: number) => new Uint32Array(b, o, n);
  const u8 = (b: ArrayBufferLike, o: number, n: number) => new Uint8Array(b, o, n);
  const ends = take(u32, stringCount, 4);
  const firsts = take(u32, count + 1, 4);
  const counts = take(u32, count, 4);
  const kinds = take(u8, count, 1);
  const sources = take(u8, stringCount, 1);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(take(u8, textBytes, 1));
  } catch {
    return fail('entity table: names are not valid UTF-8');
  }
  // Checks over the arrays in plain indexed loops (a cold worker runs them in the interpreter):
  // offsets in order and in range, codes known, ids strictly ascending (lookups are binary searches).
  let prev = 0;
  for (let s = 0; s < stringCount; s++) {
    const end = ends[s] as number;
    if (end < prev) fail('entity table: string offsets out of order');
    if ((sources[s] as number) >= SOURCES.length) fail('entity table: unknown alias source');
    prev = end;
  }
  if (prev !== text.length) fail('entity table: string offsets do not match the text');
  if ((firsts[0] as number) !== 0 || (firsts[count] as number) > stringCount)
    fail('entity table: entities point outside the strings');
  let last = '';
  for (let i = 0; i < count; i++) {
    const first = firsts[i] as number;
    if ((firsts[i + 1] as number) < first + 3) fail(`entity table: entity ${i} has no id and name`);
    if ((kinds[i] as number) >= KINDS.length) fail(`entity table: entity ${i} has an unknown kind`);
    const id = text.slice(first === 0 ? 0 : ends[first - 1], ends[first]);
    if (i > 0 && !(last < id)) fail(`entity table: ids out of order at ${JSON.stringify(id)}`);
    last = id;
  }
  const table = new EntityTable(text, ends, firsts, counts, kinds, sources);
  return table;
}
