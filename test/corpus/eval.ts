/**
 * `npm run eval`: precision and recall of code detection per file kind on the labelled corpus, with every miss and
 * false positive. `npm run eval -- --draft path/to/fixture [uri] [language]` prints a draft sidecar to review by hand.
 */
import * as fs from 'node:fs';
import { evaluate, loadCorpus, occurrenceLines, type FixtureResult } from './corpus';

function draft(file: string, uri = `file:///${file}`, languageId = 'plaintext'): void {
  const { kind, lines } = occurrenceLines({ uri, languageId, text: fs.readFileSync(file, 'utf8') });
  console.log([`# uri: ${uri}`, `# language: ${languageId}`, `# kind: ${kind}`, ...lines].join('\n'));
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '100.0%' : `${((100 * part) / whole).toFixed(1)}%`;
}

function report(results: FixtureResult[]): boolean {
  const byKind = new Map<string, FixtureResult[]>();
  for (const result of results) byKind.set(result.fixture.kind, [...(byKind.get(result.fixture.kind) ?? []), result]);
  const rows = [...byKind.entries()].sort().map(([kind, list]) => ({ kind, list }));
  rows.push({ kind: 'overall', list: results });

  console.log('kind              files  labelled  found  true+  missed  false+  look-alikes  precision  recall');
  for (const { kind, list } of rows) {
    const labelled = list.reduce((n, r) => n + r.fixture.expected.length, 0);
    const found = list.reduce((n, r) => n + r.found.length, 0);
    const missed = list.reduce((n, r) => n + r.missed.length, 0);
    const falsePositives = list.reduce((n, r) => n + r.falsePositives.length, 0);
    const lookAlikes = list.reduce((n, r) => n + r.lookAlikes, 0);
    const truePositives = found - falsePositives;
    console.log([
      kind.padEnd(16), String(list.length).padStart(6), String(labelled).padStart(9), String(found).padStart(6),
      String(truePositives).padStart(6), String(missed).padStart(7), String(falsePositives).padStart(7),
      String(lookAlikes).padStart(12), percent(truePositives, found).padStart(10), percent(truePositives, labelled).padStart(7),
    ].join(' '));
  }

  let clean = true;
  for (const result of results) {
    if (result.kind !== result.fixture.kind) {
      clean = false;
      console.log(`\n${result.fixture.name}: recognised as ${result.kind}, labelled ${result.fixture.kind}`);
    }
    const lines = result.fixture.text.split('\n');
    for (const [label, list] of [['missed', result.missed], ['false positive', result.falsePositives]] as const) {
      for (const entry of list) {
        clean = false;
        const line = lines[Number(entry.split(':')[0]) - 1] ?? '';
        console.log(`${result.fixture.name}:${entry.split(' ')[0]} ${label}: ${entry}\n    ${line.trim().slice(0, 160)}`);
      }
    }
  }
  return clean;
}

const args = process.argv.slice(2);
if (args[0] === '--draft') {
  draft(args[1], args[2], args[3]);
} else {
  process.exit(report(loadCorpus().map(evaluate)) ? 0 : 1);
}
