/**
 * `npm run eval:bounces`: the bounce reason the extension gives real bounce messages (the Status Codes view by reason,
 * and hover on reply codes), against labels of the reason a mail admin reads in each message of the bounce parsers' corpora
 * in trees.json, in two sets:
 *   bounce-labels.tsv       the reason those parsers' own tests assert (the evidence says where; where the message says
 *                           otherwise, the label follows the message);
 *   bounce-labels-read.tsv  messages no parser test asserts a reason for, labelled by reading them; `not-a-bounce` marks
 *                           autoreplies, delay warnings, complaint reports and the like.
 *
 *   npm run eval:bounces -- [--mirrors DIR]
 *
 * A message's reason is that of its first `Status:` field (the delivery-status part), or where it has none, the reason
 * most of its failure codes are given; in a message with no enhanced status code, the reason hover gives its first
 * failure reply code. Messages with neither get no reason: they count as not covered.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageOf } from '../../server/src/cli/files';
import { createLanguageService } from '../../server/src/languageService';
import { REASONS, type BounceReason } from '../../server/src/registry/bounceReasons';
import { ROOT } from '../support/paths';
import { loadTrees, prepare } from './trees';

const NOT_A_BOUNCE = 'not-a-bounce';
interface Label { tree: string; path: string; reason: BounceReason | typeof NOT_A_BOUNCE; evidence: string }

const LABEL_SETS = [
  ['bounce-labels.tsv', 'the reasons the parsers\' tests assert'],
  ['bounce-labels-read.tsv', 'the reasons read in messages no parser test labels'],
] as const;

function loadLabels(file: string): Label[] {
  const lines = fs.readFileSync(path.join(ROOT, 'test', 'real', file), 'utf8').split('\n');
  return lines.filter((line) => line.trim() && !line.startsWith('#') && !line.startsWith('tree\t')).map((line) => {
    const [tree, labelled, reason, evidence] = line.split('\t');
    return { tree, path: labelled, reason: reason as Label['reason'], evidence };
  });
}

const STATUS_FIELD = /^status[ \t]*:/i;
const service = createLanguageService();

const REASON_LABELS = new Map(Object.entries(REASONS).map(([reason, info]) => [info.label, reason as BounceReason]));
const REPLY_CODE = /(?<![\w.])[45]\d\d(?=[ -])/g;

/**
 * The reason the extension gives the message: from its Status Codes summary by reason, or where it holds no enhanced
 * status code, from the hover on the first failure reply code that hover gives a reason for.
 */
function reasonOf(text: string, file: string): BounceReason | undefined {
  const document = TextDocument.create(`file://${file}`, languageOf(file), 1, text);
  const reasons = service.summarize(document, undefined, true).reasons ?? [];
  const lines = text.split(/\r\n|\r|\n/);
  if (reasons.length === 0) return replyCodeReason(document, lines);
  let first: { line: number; reason: BounceReason } | undefined;
  for (const { reason, codes } of reasons) {
    for (const range of codes.flatMap((code) => code.occurrences)) {
      if (STATUS_FIELD.test(lines[range.start.line] ?? '') && (!first || range.start.line < first.line)) first = { line: range.start.line, reason };
    }
  }
  return first?.reason ?? [...reasons].sort((a, b) => b.count - a.count)[0].reason;
}

function replyCodeReason(document: TextDocument, lines: string[]): BounceReason | undefined {
  for (const [line, text] of lines.entries()) {
    for (const match of text.matchAll(REPLY_CODE)) {
      const hover = service.doHover(document, { line, character: match.index! + 1 });
      const label = /\*\*Bounce reason:\*\* ([^,]+)/.exec((hover?.contents as { value: string } | undefined)?.value ?? '')?.[1];
      if (label) return REASON_LABELS.get(label);
    }
  }
  return undefined;
}

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

function evaluate(labels: Label[], directories: Map<string, string | undefined>, title: string): void {
  const byReason = new Map<string, { all: number; covered: number; agree: number }>();
  const disagreements: string[] = [];
  let all = 0, covered = 0, agree = 0, skipped = 0, notBounces = 0, notBouncesGiven = 0;
  for (const label of labels) {
    const directory = directories.get(label.tree);
    if (!directory) {
      skipped++;
      continue;
    }
    const file = path.join(directory, label.path);
    const given = reasonOf(fs.readFileSync(file, 'latin1'), file);
    if (label.reason === NOT_A_BOUNCE) {
      notBounces++;
      if (given) notBouncesGiven++;
      continue;
    }
    all++;
    const row = byReason.get(label.reason) ?? { all: 0, covered: 0, agree: 0 };
    byReason.set(label.reason, row);
    row.all++;
    if (!given) continue;
    covered++;
    row.covered++;
    if (given === label.reason) {
      agree++;
      row.agree++;
    } else {
      disagreements.push(`${label.tree}/${label.path}: gave ${given}, labelled ${label.reason} (${label.evidence})`);
    }
  }
  console.log(`\n## ${title}\n`);
  if (skipped) console.log(`skipped ${skipped} labelled messages: their trees are not in .real-trees/ and no mirror was given (--mirrors DIR)`);
  console.log(`${all} bounce messages; a reason given for ${covered} (${percent(covered, all)}); the labelled reason for ${agree} (${percent(agree, covered)} of those given)`);
  if (notBounces) console.log(`${notBounces} messages that are not bounces (autoreplies, delay warnings, reports); a reason given for ${notBouncesGiven} (their failure codes)`);
  console.log('\nlabelled reason        messages  reason given  as labelled');
  for (const [reason, row] of [...byReason.entries()].sort()) {
    console.log(`${reason.padEnd(22)} ${String(row.all).padStart(8)} ${String(row.covered).padStart(13)} ${String(row.agree).padStart(12)}`);
  }
  if (disagreements.length) console.log(`\nother reasons given (${disagreements.length}):\n  ${disagreements.join('\n  ')}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const mirrors = args[0] === '--mirrors' ? args[1] : process.env.SMTP_REAL_TREES_MIRRORS;
  const sets = LABEL_SETS.map(([file, title]) => ({ labels: loadLabels(file), title }));
  const treeNames = [...new Set(sets.flatMap((set) => set.labels.map((label) => label.tree)))];
  const directories = new Map(loadTrees(treeNames).map((tree) => [tree.name, prepare(tree, mirrors)]));
  for (const { labels, title } of sets) evaluate(labels, directories, title);
}

main();
