// Bytes → text for one corpus file, with a clear error for anything that is not UTF-8 text:
// oversized files are refused before decoding, UTF-16, GBK and binary files are named as such,
// a UTF-8 byte-order mark or stray NUL bytes are removed with a warning. No Node APIs (runs in the
// service worker for user imports too).
import type { CorpusIssue } from './types.ts';

/** Files larger than this are refused without being decoded (a real article is < 100 kB). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface DecodeResult {
  /** The text (BOM and NUL bytes removed, line ends normalised to \n); absent after an error. */
  text?: string;
  issues: CorpusIssue[];
}

const MB = 1024 * 1024;

function formatSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${bytes} bytes`;
}

/** 1-based line of a byte offset (counts LF bytes before it). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const MAGIC: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** A UTF-16 file without a BOM: ASCII text where every other byte is NUL. */
function looksLikeUtf16(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'LE';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'BE';
  return undefined;
}

function decodesAs(encoding: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return bytes.length;
}

/** Whether the bytes from `at` to the end are the start of one multi-byte UTF-8 character. */
function isIncompleteTail(bytes: Uint8Array, at: number): boolean {
  const b = bytes[at] ?? 0;
  const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  const rest = bytes.length - at;
  if (len === 0 || rest >= len) return false;
  for (let k = at + 1; k < bytes.length; k++) if (((bytes[k] ?? 0) & 0xc0) !== 0x80) return false;
  return true;
}

/**
 * Decodes one file. `size` is the file's real size when `bytes` was not read because the file
 * is too large.
 */
export function decodeCorpusBytes(file: string, bytes: Uint8Array, size = bytes.length): DecodeResult {
  const issues: CorpusIssue[] = [];
  const error = (message: string, line?: number): DecodeResult => ({
    issues: [...issues, { file, ...(line ? { line } : {}), severity: 'error', message }],
  });
  if (size > MAX_FILE_BYTES) {
    return error(
      `file is ${formatSize(size)}, larger than the ${MAX_FILE_BYTES / MB} MB limit for one article; not read`,
    );
  }
  if (size === 0) return error('empty file');
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const order = bytes[0] === 0xff ? 'little-endian' : 'big-endian';
    return error(`UTF-16 text (${order} byte-order mark); save the file as UTF-8`, 1);
  }
  const utf16 = looksLikeUtf16(bytes);
  if (utf16) {
    return error(
      `UTF-16 text (${utf16 === 'LE' ? 'little' : 'big'}-endian, no byte-order mark); save the file as UTF-8`,
      1,
    );
  }
  for (const [name, magic] of MAGIC) {
    if (startsWith(bytes, magic)) return error(`binary file (${name}), not an article`, 1);
  }
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    issues.push({ file, line: 1, severity: 'warning', message: 'UTF-8 byte-order mark removed' });
    body = bytes.subarray(3);
  }
  // NUL bytes: more than a few mean a binary file; up to three are dropped.
  let nuls = 0;
  let firstNul = -1;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === 0) {
      nuls++;
      if (firstNul < 0) firstNul = i;
    }
  }
  if (nuls > 3) {
    return error(`binary file (${nuls} NUL bytes), not an article`, lineAt(body, firstNul));
  }
  if (nuls > 0) {
    issues.push({
      file,
      line: lineAt(body, firstNul),
      severity: 'warning',
      message: `${nuls} NUL byte${nuls > 1 ? 's' : ''} removed`,
    });
    body = body.filter((b) => b !== 0);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    const line = lineAt(body, at);
    if (isIncompleteTail(body, at)) {
      // Cut off inside the last character: keep the text before it (the parser then says what is missing).
      issues.push({
        file,
        line,
        severity: 'warning',
        message:
          'the file ends in the middle of a UTF-8 character (truncated?); the partial character is dropped',
      });
      text = new TextDecoder('utf-8').decode(body.subarray(0, at));
    } else {
      const byte = (body[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
      if (decodesAs('gbk', body)) {
        return error(
          `not UTF-8: looks like GBK/GB18030-encoded Chinese (byte 0x${byte}); save the file as UTF-8`,
          line,
        );
      }
      return error(`not valid UTF-8 (byte 0x${byte} at offset ${at}); binary file or unknown encoding`, line);
    }
  }
  // Control characters other than tab/newline/CR are a sign of a binary file.
  let controls = 0;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
  }
  if (controls > 8) return error(`binary file (${controls} control characters), not an article`, 1);
  return { text: text.replace(/\r\n?/g, '\n'), issues };
}
