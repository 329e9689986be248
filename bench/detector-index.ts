// Benchmark (not a test): what a woken service worker pays to get its detector from the binary index
// (src/match/index-codec.ts) against the JSON form, for the real corpus (seed + the shared corpus, or
// --corpus DIR): index bytes, decodeDetectorIndex, createDetector, the first detect; and for the JSON
// form JSON.parse of the index alone and createDetector. The binary index's detector is created as
// the background creates it (no entities: their briefs come from the entity table, entity-table.ts);
// the JSON form's with the entities, as the CLI does. Medians and ranges over the rounds (the first,
// cold round included in the range). Run: npx tsx bench/detector-index.ts [--corpus DIR] [--rounds N]
import { extractEntities } from '../src/entities/extract.ts';
import { compileDetectorIndex, createDetector } from '../src/match/detector.ts';
import { decodeDetectorIndex, encodeDetectorIndex } from '../src/match/index-codec.ts';
import { loadRealCorpus } from './corpus-source.ts';

const argv = process.argv.slice(2);
const rounds = argv.includes('--rounds') ? Number(argv[argv.indexOf('--rounds') + 1]) : 9;
const RUNS = [
  '美國總統川普和俄羅斯總統普京在北京會面，中國國家主席習近平出席。他說一口四川普通話。',
  'Vladimir Putin met Olaf Scholz in Berlin; NATO and the EU said the talks were constructive.',
];

const t0 = performance.now();
const { articles, dirs } = await loadRealCorpus(argv);
const { entities, dictionaryWords } = extractEntities(articles);
const extractS = (performance.now() - t0) / 1000;
let t = performance.now();
const compiled = compileDetectorIndex(entities, dictionaryWords);
const compileMs = performance.now() - t;
const bytes = encodeDetectorIndex(compiled);
const buffer = bytes.slice().buffer as ArrayBuffer;
const json = JSON.stringify(compiled);

const range = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${(s[s.length >> 1] as number).toFixed(2)} (${(s[0] as number).toFixed(2)}–${(s[s.length - 1] as number).toFixed(2)})`;
};
const bin = { decode: [] as number[], create: [] as number[], detect: [] as number[] };
const js = { parse: [] as number[], create: [] as number[] };
for (let r = 0; r < rounds; r++) {
  t = performance.now();
  const index = decodeDetectorIndex(buffer);
  bin.decode.push(performance.now() - t);
  t = performance.now();
  const detector = createDetector([], { index });
  bin.create.push(performance.now() - t);
  t = performance.now();
  detector.detect(RUNS);
  bin.detect.push(performance.now() - t);
  t = performance.now();
  const parsed = JSON.parse(json);
  js.parse.push(performance.now() - t);
  t = performance.now();
  createDetector(entities, { index: parsed });
  js.create.push(performance.now() - t);
}

console.log(
  `corpus: ${articles.length} articles (${dirs.length} folders + seed), ${entities.length} entities, ` +
    `${compiled.patternCount} patterns, ${dictionaryWords.length} dictionary words; extraction ${extractS.toFixed(1)} s, ` +
    `compileDetectorIndex ${compileMs.toFixed(0)} ms`,
);
console.log(
  `binary index: ${(bytes.byteLength / 1e6).toFixed(2)} MB; JSON form: ${(json.length / 1e6).toFixed(2)} MB`,
);
console.log('ms, median (range) over rounds:');
console.log(
  `  binary: decodeDetectorIndex ${range(bin.decode)}, createDetector ${range(bin.create)}, first detect ${range(bin.detect)}`,
);
console.log(`  JSON:   JSON.parse ${range(js.parse)}, createDetector ${range(js.create)}`);
