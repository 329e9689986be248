// The binary form of a compiled detector index (compileDetectorIndex), so that a woken service worker
// gets its detector from one fetch as an ArrayBuffer: no JSON parse, no base64, no trie build; the
// typed arrays are views over the buffer (zero-copy) and all strings are one UTF-8 block read with a
// single TextDecoder call. Layout (little-endian, every section starts on a 4-byte boundary):
//   magic "FLDI" | u32 version | u32 total bytes | u32 patterns | u32 owners | u32 strings
//   | u32 trie states | u32 lexicon states | u32 section count | u32 byte length per section
//   | sections (SECTIONS order), each zero-padded to 4 bytes.
// Same index in, same bytes out. Strings are stored as UTF-8 (TextEncoder), so a lone surrogate in a
// key or alias text comes back as U+FFFD: corpus text is decoded from UTF-8 files and has none.
import type { CompiledDetectorIndex } from './detector.ts';
import { withJsonForm } from './detector.ts';
import { EDGE_BITS } from './matcher.ts';

/** "FLDI": FactLens Detector Index. */
const MAGIC = 0x49444c46;
export const DETECTOR_INDEX_BINARY_VERSION = 7;
const SECTIONS = [
  'strings',
  'stringEnds',
  'owners',
  'originals',
  'patternFlags',
  'flags',
  'endMasks',
  'innerBigrams',
  'edgeGrams',
  'capitalStarts',
  'capitals',
  'triePairs',
  'trieNodes',
  'lexiconPairs',
  'lexiconNodes',
] as const;
const FIXED_WORDS = 9;
const HEADER_BYTES = (FIXED_WORDS + SECTIONS.length) * 4;

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function checkHost(): void {
  if (!littleEndian)
    throw new Error('detector index: this host is big-endian; the binary index is little-endian');
}

/** The binary form of a compiled index (see the header for the layout). */
export function encodeDetectorIndex(index: CompiledDetectorIndex): Uint8Array {
  checkHost();
  const m = index.matcher;
  const parts: Record<(typeof SECTIONS)[number], ArrayBufferView> = {
    strings: new TextEncoder().encode(index.strings.text),
    stringEnds: index.strings.ends,
    owners: index.owners,
    originals: index.originals,
    patternFlags: index.patternFlags,
    flags: m.flags,
    endMasks: m.endMasks,
    innerBigrams: m.innerBigrams,
    edgeGrams: m.edgeGrams,
    capitalStarts: m.capitalStarts,
    capitals: m.capitals,
    triePairs: m.trie.pairs,
    trieNodes: m.trie.nodes,
    lexiconPairs: m.lexicon.pairs,
    lexiconNodes: m.lexicon.nodes,
  };
  let total = HEADER_BYTES;
  for (const name of SECTIONS) total += pad4(parts[name].byteLength);
  const bytes = new Uint8Array(total);
  const header = new Uint32Array(bytes.buffer, 0, HEADER_BYTES / 4);
  header.set([
    MAGIC,
    DETECTOR_INDEX_BINARY_VERSION,
    total,
    index.patternCount,
    index.ownerCount,
    index.strings.ends.length,
    m.trie.states,
    m.lexicon.states,
    SECTIONS.length,
  ]);
  let at = HEADER_BYTES;
  SECTIONS.forEach((name, i) => {
    const part = parts[name];
    header[FIXED_WORDS + i] = part.byteLength;
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += pad4(part.byteLength);
  });
  return bytes;
}

/**
 * Reads a binary index; the typed arrays are views over `bytes` (copied once only when a Uint8Array
 * does not start on a 4-byte boundary). Throws a clear error for another file, another version or a
 * truncated file.
 */
export function decodeDetectorIndex(bytes: Uint8Array | ArrayBuffer): CompiledDetectorIndex {
  checkHost();
  let u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (u8.byteOffset % 4 !== 0) u8 = u8.slice();
  const fail = (why: string): never => {
    throw new Error(`detector index: ${why}. Rebuild it with \`npm run compile-corpus\``);
  };
  if (u8.byteLength < FIXED_WORDS * 4) fail(`truncated (${u8.byteLength} bytes, no complete header)`);
  const head = new Uint32Array(u8.buffer, u8.byteOffset, FIXED_WORDS);
  if (head[0] !== MAGIC) fail('not a factlens detector index (wrong magic)');
  if (head[1] !== DETECTOR_INDEX_BINARY_VERSION)
    fail(`unsupported version ${head[1]} (this build reads version ${DETECTOR_INDEX_BINARY_VERSION})`);
  const total = head[2] as number;
  if (u8.byteLength < total) fail(`truncated (${u8.byteLength} of ${total} bytes)`);
  if (u8.byteLength > total) fail(`${u8.byteLength - total} unexpected bytes after the end`);
  if (head[8] !== SECTIONS.length) fail(`${head[8]} sections, expected ${SECTIONS.length}`);
  const lengths = new Uint32Array(u8.buffer, u8.byteOffset + FIXED_WORDS * 4, SECTIONS.length);
  let sum = HEADER_BYTES;
  for (const n of lengths) sum += pad4(n);
  if (sum !== total) fail(`section lengths add up to ${sum} bytes, the header says ${total}`);

  let at = u8.byteOffset + HEADER_BYTES;
  let i = 0;
  const next = <T>(make: (buffer: ArrayBufferLike, offset: number, bytes: number) => T): T => {
    const n = lengths[i++] as number;
    const view = make(u8.buffer, at, n);
    at += pad4(n);
    return view;
  };
  const whole = (n: number, size: number): number =>
    n % size === 0 ? n / size : fail(`a section of ${n} bytes is not a whole number of ${size}-byte items`);
  const u8view = (b: ArrayBufferLike, o: number, n: number) => new Uint8Array(b, o, n);
  const u16 = (b: ArrayBufferLike, o: number, n: number) => new Uint16Array(b, o, whole(n, 2));
  const u32 = (b: ArrayBufferLike, o: number, n: number) => new Uint32Array(b, o, whole(n, 4));
  const i32 = (b: ArrayBufferLike, o: number, n: number) => new Int32Array(b, o, whole(n, 4));

  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(next(u8view));
  const ends = next(u32);
  const owners = next(u32);
  const originals = next(u32);
  const patternFlags = next(u8view);
  const flags = next(u8view);
  const endMasks = next(u32);
  const innerBigrams = next(i32);
  const edgeGrams = next(i32);
  const capitalStarts = next(u32);
  const capitals = next(u16);
  const triePairs = next(i32);
  const trieNodes = next(i32);
  const lexiconPairs = next(i32);
  const lexiconNodes = next(i32);

  const patternCount = head[3] as number;
  const ownerCount = head[4] as number;
  const stringCount = head[5] as number;
  const check = (ok: boolean, what: string) => ok || fail(`inconsistent ${what}`);
  check(
    ends.length === stringCount && (stringCount === 0 || ends[stringCount - 1] === text.length),
    'strings',
  );
  check(
    owners.length === patternCount &&
      patternFlags.length === patternCount &&
      flags.length === patternCount &&
      endMasks.length === patternCount,
    'pattern count',
  );
  check(originals.length === patternCount + 1 && capitalStarts.length === patternCount + 1, 'pattern ranges');
  check(
    ownerCount + patternCount <= stringCount && (originals[patternCount] ?? 0) <= stringCount,
    'string ranges',
  );
  check(capitalStarts[patternCount] === capitals.length, 'capitals');
  check(innerBigrams.length === 1 << 15, 'bigram filter');
  check(edgeGrams.length === 1 << (EDGE_BITS - 5), 'edge-gram filter');
  check(hasEmptySlot(triePairs) && hasEmptySlot(lexiconPairs), 'pair tables');

  return withJsonForm({
    format: 'factlens-detector',
    version: 2,
    patternCount,
    strings: { text, ends },
    ownerCount,
    owners,
    originals,
    patternFlags,
    matcher: {
      trie: { pairs: triePairs, nodes: trieNodes, states: head[6] as number },
      lexicon: { pairs: lexiconPairs, nodes: lexiconNodes, states: head[7] as number },
      flags,
      endMasks,
      innerBigrams,
      edgeGrams,
      capitals,
      capitalStarts,
    },
  });
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** A pair table is a power of two of [key, node] slots with at least one empty (key -1) slot. */
function hasEmptySlot(pairs: Int32Array): boolean {
  const slots = pairs.length / 2;
  if (slots < 1 || (slots & (slots - 1)) !== 0) return false;
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === -1) return true;
  return false;
}
