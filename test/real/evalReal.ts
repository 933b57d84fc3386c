/**
 * `npm run eval:real`: the checker over real public trees of mail software that this project did not write, against
 * committed labels. It prints the findings per check and per file kind, the share that the labels call correct, the
 * findings not yet labelled, and every line that `--fix` would change, with its label.
 *
 *   npm run eval:real -- [--mirrors DIR] [--only NAME[,NAME]] [--draft] [--cli PATH]
 *
 * The trees are exported at the commits pinned in trees.json into .real-trees/ (ignored): from a directory of git
 * mirrors (`--mirrors DIR` or SMTP_REAL_TREES_MIRRORS; a mirror of owner/name is looked up as DIR/owner+name/repo,
 * DIR/owner+name, DIR/owner/name or DIR/name.git), or as they already are in .real-trees/. Absent trees are skipped
 * with a message. `--draft` prints the unlabelled findings as label lines to review by hand; `--cli` evaluates another build
 * of the checker (an earlier release, say) against the same labels. Hints are counted apart: editors show them as faint
 * dots, not as problems.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { languageOf } from '../../server/src/cli/files';
import { documentKind } from '../../server/src/documentKind';
import { ROOT } from '../support/paths';
import { loadTrees, prepare } from './trees';

interface Finding { path: string; line: number; column: number; severity: string; code: string; message: string }
interface Label { verdict: 'correct' | 'wrong'; why: string }

let CLI = path.join(ROOT, 'dist', 'cli.js');
const HERE = path.join(ROOT, 'test', 'real');

function parseArguments(args: string[]) {
  const options = { mirrors: process.env.SMTP_REAL_TREES_MIRRORS, only: undefined as string[] | undefined, draft: false };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--mirrors') options.mirrors = args[++i];
    else if (args[i] === '--only') options.only = args[++i]?.split(',');
    else if (args[i] === '--draft') options.draft = true;
    else if (args[i] === '--cli') CLI = path.resolve(args[++i]);
    else throw new Error(`unknown argument ${args[i]}`);
  }
  return options;
}

function check(directory: string, extra: string[] = []): Finding[] {
  const result = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json', '--fail-on', 'none', ...extra], { cwd: directory, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 2) throw new Error(`the checker failed on ${directory}: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as Finding[] | { findings: Finding[] };
  return Array.isArray(parsed) ? parsed : parsed.findings;
}

/** The lines that `--fix` changes, as `path:line` of the original with the line before and after. */
function fixChanges(directory: string): { path: string; line: number; before: string; after: string }[] {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'real-tree-'));
  try {
    execFileSync('cp', ['-a', `${directory}/.`, copy]);
    spawnSync(process.execPath, [CLI, 'check', '.', '--fix', '--format', 'json', '--fail-on', 'none'], { cwd: copy, maxBuffer: 1 << 30 });
    const diff = spawnSync('diff', ['-r', '-U0', '-N', '.', copy], { cwd: directory, maxBuffer: 1 << 30, encoding: 'latin1' }).stdout;
    const changes: { path: string; line: number; before: string; after: string }[] = [];
    let file = '';
    let line = 0;
    const removed: { line: number; text: string }[] = [];
    const added: string[] = [];
    const flush = () => {
      removed.forEach((r, i) => changes.push({ path: file, line: r.line, before: r.text, after: added[i] ?? '' }));
      removed.length = 0;
      added.length = 0;
    };
    for (const text of diff.split('\n')) {
      if (text.startsWith('--- ')) {
        flush();
        file = text.slice(4).split('\t')[0].replace(/^\.\//, '');
      } else if (text.startsWith('+++ ')) continue;
      else if (text.startsWith('@@')) {
        flush();
        line = Number(/^@@ -(\d+)/.exec(text)![1]);
      } else if (text.startsWith('-')) removed.push({ line: line++, text: text.slice(1) });
      else if (text.startsWith('+')) added.push(text.slice(1));
    }
    flush();
    return changes;
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

function loadLabels(): Map<string, Label> {
  const labels = new Map<string, Label>();
  const file = path.join(HERE, 'labels.tsv');
  if (!fs.existsSync(file)) return labels;
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!raw.trim() || raw.startsWith('#')) continue;
    const [where, line, check, verdict, why] = raw.split('\t');
    if (verdict !== 'correct' && verdict !== 'wrong') throw new Error(`labels.tsv: verdict must be correct or wrong: ${raw}`);
    labels.set(`${where}\t${line}\t${check}`, { verdict, why: why ?? '' });
  }
  return labels;
}

function kindOf(file: string): string {
  let head = '';
  try {
    const fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(4096);
    head = buffer.subarray(0, fs.readSync(fd, buffer, 0, 4096, 0)).toString('utf8');
    fs.closeSync(fd);
  } catch { /* the kind from the name alone */ }
  return documentKind(`file://${file}`, languageOf(file), head);
}

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

function main(): void {
  const options = parseArguments(process.argv.slice(2));
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  const trees = loadTrees(options.only);
  const labels = loadLabels();
  const byCheck = new Map<string, { all: number; correct: number; wrong: number }>();
  const byKind = new Map<string, number>();
  const unlabelled: string[] = [];
  const wrong: string[] = [];
  const fixLines: string[] = [];
  let total = 0, correct = 0, wrongCount = 0, fixes = 0, fixesCorrect = 0, fixesWrong = 0, evaluated = 0, hints = 0, hintsCorrect = 0, hintsWrong = 0;
  for (const tree of trees) {
    const directory = prepare(tree, options.mirrors);
    if (!directory) {
      console.log(`skipped ${tree.name}: no export in .real-trees/ and no mirror of ${tree.repository} (give --mirrors DIR)`);
      continue;
    }
    evaluated++;
    for (const finding of check(directory)) {
      const where = `${tree.name}/${finding.path}`;
      const kind = kindOf(path.join(directory, finding.path));
      if (finding.severity === 'hint') {
        const label = labels.get(`${where}\t${finding.line}\t${finding.code}`);
        hints++;
        if (label?.verdict === 'correct') hintsCorrect++;
        else if (label?.verdict === 'wrong') hintsWrong++;
        else unlabelled.push(`${where}\t${finding.line}\t${finding.code}\t?\t${kind} (hint): ${finding.message}`);
        continue;
      }
      total++;
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      const row = byCheck.get(finding.code) ?? { all: 0, correct: 0, wrong: 0 };
      byCheck.set(finding.code, row);
      row.all++;
      const label = labels.get(`${where}\t${finding.line}\t${finding.code}`);
      if (!label) unlabelled.push(`${where}\t${finding.line}\t${finding.code}\t?\t${kind}: ${finding.message}`);
      else if (label.verdict === 'correct') { row.correct++; correct++; }
      else { row.wrong++; wrongCount++; wrong.push(`${where}:${finding.line} ${finding.code}: ${label.why}`); }
    }
    for (const change of fixChanges(directory)) {
      fixes++;
      const where = `${tree.name}/${change.path}`;
      const label = labels.get(`${where}\t${change.line}\tfix`);
      if (label?.verdict === 'correct') fixesCorrect++;
      else if (label?.verdict === 'wrong') fixesWrong++;
      else unlabelled.push(`${where}\t${change.line}\tfix\t?\t${change.before.trim()} => ${change.after.trim()}`);
      fixLines.push(`${where}:${change.line} [${label?.verdict ?? 'unlabelled'}]\n    - ${change.before.trim().slice(0, 140)}\n    + ${change.after.trim().slice(0, 140)}`);
    }
  }
  console.log(`\n${evaluated} of ${trees.length} trees evaluated with ${path.relative(process.cwd(), CLI)}; ${total} findings (errors, warnings, information)\n`);
  console.log('check                  findings  correct  wrong  unlabelled  correct share of labelled');
  for (const [code, row] of [...byCheck.entries()].sort()) {
    console.log(`${code.padEnd(22)} ${String(row.all).padStart(8)} ${String(row.correct).padStart(8)} ${String(row.wrong).padStart(6)} ${String(row.all - row.correct - row.wrong).padStart(11)}  ${percent(row.correct, row.correct + row.wrong)}`);
  }
  console.log(`${'all'.padEnd(22)} ${String(total).padStart(8)} ${String(correct).padStart(8)} ${String(wrongCount).padStart(6)} ${String(total - correct - wrongCount).padStart(11)}  ${percent(correct, correct + wrongCount)}`);
  console.log(`\nhints (faint dots in the editor, not problems): ${hints}: ${hintsCorrect} labelled correct, ${hintsWrong} wrong, ${hints - hintsCorrect - hintsWrong} unlabelled`);
  console.log('findings per file kind: ' + ([...byKind.entries()].sort().map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none'));
  console.log(`\n--fix would change ${fixes} lines: ${fixesCorrect} labelled correct, ${fixesWrong} wrong, ${fixes - fixesCorrect - fixesWrong} unlabelled`);
  for (const line of fixLines) console.log(`  ${line}`);
  if (wrong.length) console.log(`\nfindings labelled wrong (${wrong.length}):\n  ${wrong.join('\n  ')}`);
  if (unlabelled.length) {
    console.log(`\nnot yet labelled (${unlabelled.length})${options.draft ? ': label lines to review' : '; --draft prints them as label lines'}:`);
    for (const line of options.draft ? unlabelled : unlabelled.slice(0, 30)) console.log(options.draft ? line : `  ${line.split('\t').slice(0, 3).join(':')} ${line.split('\t')[4]}`);
  }
}

main();
