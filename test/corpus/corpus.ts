/**
 * The labelled fixture corpus: every fixture with a `.expected` sidecar, its expected document kind and occurrences,
 * compared with what the language service finds.
 *
 * Sidecar format: header lines `# uri: …`, `# language: …`, `# kind: …`, then one line per occurrence,
 * `line:column code context` (1-based), context being reply, field, action, string or bare (plausible only).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalysis } from '../../server/src/analysis';
import { FIXTURES } from '../support/paths';

export interface LabelledFixture {
  name: string;
  uri: string;
  languageId: string;
  kind: string;
  text: string;
  expected: string[];
}

export interface FixtureResult {
  fixture: LabelledFixture;
  kind: string;
  found: string[];
  missed: string[];
  falsePositives: string[];
  /** Dotted numbers in the text that are not labelled codes: versions, addresses, OIDs … */
  lookAlikes: number;
}

const LOOK_ALIKE = /\d+(?:\.\d+){2,}/g;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]);
}

export function loadCorpus(): LabelledFixture[] {
  return walk(FIXTURES).filter((file) => file.endsWith('.expected')).sort().map((sidecar) => {
    const fixturePath = sidecar.slice(0, -'.expected'.length);
    const header: Record<string, string> = {};
    const expected: string[] = [];
    for (const line of fs.readFileSync(sidecar, 'utf8').split('\n')) {
      const field = /^# (\w+): (.*)$/.exec(line);
      if (field) header[field[1]] = field[2].trim();
      else if (line.trim() && !line.startsWith('#')) expected.push(line.trim());
    }
    return {
      name: path.relative(FIXTURES, fixturePath),
      uri: header.uri ?? `file:///${path.relative(FIXTURES, fixturePath)}`,
      languageId: header.language ?? 'plaintext',
      kind: header.kind ?? 'text',
      text: fs.readFileSync(fixturePath, 'utf8'),
      expected,
    };
  });
}

/** What the service finds, in sidecar form. */
export function occurrenceLines(fixture: Pick<LabelledFixture, 'uri' | 'languageId' | 'text'>): { kind: string; lines: string[] } {
  const analysis = new DocumentAnalysis(TextDocument.create(fixture.uri, fixture.languageId, 1, fixture.text));
  return {
    kind: analysis.kind,
    lines: analysis.occurrences.map((o) => `${o.line + 1}:${o.start + 1} ${o.text} ${o.context}`),
  };
}

export function evaluate(fixture: LabelledFixture): FixtureResult {
  const { kind, lines: found } = occurrenceLines(fixture);
  const expected = new Set(fixture.expected);
  const foundSet = new Set(found);
  const labelledStarts = new Set(fixture.expected.map((line) => line.split(' ')[0]));
  let lookAlikes = 0;
  fixture.text.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(LOOK_ALIKE)) {
      const inside = [...labelledStarts].some((start) => {
        const [line, column] = start.split(':').map(Number);
        return line === index + 1 && column - 1 >= match.index! && column - 1 < match.index! + match[0].length;
      });
      if (!inside) lookAlikes++;
    }
  });
  return {
    fixture,
    kind,
    found,
    missed: fixture.expected.filter((line) => !foundSet.has(line)),
    falsePositives: found.filter((line) => !expected.has(line)),
    lookAlikes,
  };
}
