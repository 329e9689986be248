// Helpers for the import tests: small articles in the archive format, a bundle-like base corpus
// (a few known entities with their own detector and cards), and payloads as the page sends them.
import type { LoadedCorpus } from '../../src/background/corpus.ts';
import { createBundle } from '../../src/corpus/bundle.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Article } from '../../src/corpus/types.ts';
import type { Entity } from '../../src/entities/types.ts';
import { createImportDetector } from '../../src/import/detector.ts';
import { parseImportFiles } from '../../src/import/parse-files.ts';
import {
  bytesToBase64,
  type ImportFilePayload,
  type ImportFilesRequest,
  type ImportFilesResponse,
} from '../../src/import/protocol.ts';
import type { ImportService } from '../../src/import/service.ts';
import { foldKey } from '../../src/text/fold.ts';

const encoder = new TextEncoder();

/** A variant-A article file. */
export function articleText(
  id: number,
  title: string,
  paragraphs: string[],
  ms = 1711694824000 + id,
): string {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('');
  return `<!--${ms}-->\n[${title}](https://www.dw.com/zh/x/a-${id})\n------\n\n<div><i>null 記者<br>${new Date(ms).toISOString()}</i></div>${body}`;
}

export const MA_TEXT = articleText(9001, '馬英九再訪北京', [
  '台灣前總統馬英九將再度率團訪問中國大陸。',
  '馬英九表示，此行希望促進兩岸交流。外長王毅將會見代表團。',
]);
export const OTHER_TEXT = articleText(9002, '德國經濟展望', [
  '德國經濟部長哈貝克（Robert Habeck）發表談話。',
  '哈貝克表示，王毅與德方會談。',
]);
export const BROKEN_TEXT = 'this is not an article\n';

export function payload(name: string, text: string): ImportFilePayload {
  const bytes = encoder.encode(text);
  return { name, data: bytesToBase64(bytes), size: bytes.length };
}

/** An import as the options page runs it: the page parses the batch, the background stores it. */
export async function importFiles(
  service: Pick<ImportService, 'importArticles'>,
  request: ImportFilesRequest,
): Promise<ImportFilesResponse> {
  return service.importArticles(parseImportFiles(request));
}

export function articlesOf(...texts: string[]): Article[] {
  return loadCorpus(texts.map((t, i) => ({ name: `f${i}.md`, bytes: encoder.encode(t) }))).articles;
}

/** A bundle-like corpus knowing 王毅 (with one passage in its card). */
export function baseCorpus(): LoadedCorpus {
  const wang: Entity = {
    id: 'e:王毅',
    name: '王毅',
    kind: 'person',
    aliases: [{ text: '王毅', source: 'corpus' }],
    articleCount: 1,
  };
  const detector = createImportDetector([wang]);
  return {
    articleCount: 1,
    entities: new Map([[wang.id, wang]]),
    knows: (form) => foldKey(form) === foldKey(wang.name),
    entity: (id) => (id === wang.id ? wang : null),
    detect: (runs) => detector.detect(runs),
    lookup: (id) =>
      id === wang.id
        ? {
            entity: wang,
            articleCount: 1,
            passages: [
              {
                articleId: 'seed',
                title: '種子',
                url: 'https://www.dw.com/zh/seed/a-1',
                publishedAt: '2024-04-09T09:01:25.471Z',
                source: 'Deutsche Welle',
                text: '王毅訪問莫斯科。',
                kind: 'paragraph',
                highlights: [[0, 2]],
              },
            ],
          }
        : null,
    full: async () => createBundle([]),
    loadMs: 1,
  };
}
