/**
 * Every regular expression in server/src is vetted for catastrophic backtracking by recheck, which analyses the
 * expression itself (no timing): a scanner pattern that could take super-linear time on some input fails here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { checkSync, type Diagnostics, type Parameters } from 'recheck';
import * as ts from 'typescript';
import * as actions from '../../server/src/actions';
import { POSTFIX_KEY } from '../../server/src/documentKind';
import { ROOT } from '../support/paths';

// The pure JavaScript build of recheck, in this thread: no native binary, no Java, no worker.
process.env.RECHECK_SYNC_BACKEND = 'pure';

const SOURCE_ROOT = path.join(ROOT, 'server', 'src');
/**
 * Verdicts already reached, by pattern: recheck's verdict depends only on the pattern, its flags, the parameters below
 * and recheck's version, so a pattern is analysed again only when it changes. `REDOS_VERDICTS=write` stores new ones.
 */
const VERDICTS_FILE = path.join(ROOT, 'test', 'unit', 'redos-verdicts.json');
const RECHECK_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'recheck', 'package.json'), 'utf8')) as { version: string }).version;
/** A fixed seed and no time limits but one: the same pattern always gets the same verdict. */
const PARAMETERS: Parameters = {
  checker: 'auto', randomSeed: 1, recallTimeout: -1, incubationTimeout: null, seedingTimeout: null, attackTimeout: null, timeout: 600_000,
};
/**
 * Patterns that are super-linear in general but only ever read text of a small bounded length, with that bound.
 * Keyed by file and the constant (or function) that holds the pattern.
 */
const BOUNDED_INPUT: Record<string, string> = {
  'features/hover.ts REPLY_LEADER': 'reads at most the 40 characters before a reply code',
  'documentKind.ts DECISIVE_CONTENT_RULES': 'reads the first SNIFF_LENGTH (4,096) characters of a document',
  'documentKind.ts CONTENT_RULES': 'reads the first SNIFF_LENGTH (4,096) characters of a document',
  'documentKind.ts PROSE_LINE': 'reads one line of the first SNIFF_LENGTH (4,096) characters of a document',
  'cli/cli.ts parseJsonc': "reads the user's own settings file passed with --settings",
  'cli/cli.ts explain': 'reads the Markdown this program writes for one code',
};
/** String constants that patterns are built from (`new RegExp(String.raw`\b(${POSTFIX_ACTIONS})\s+$`)`). */
const PATTERN_PIECES: Record<string, string> = { POSTFIX_ACTIONS: actions.POSTFIX_ACTIONS, HARAKA_VERDICTS: actions.HARAKA_VERDICTS, EXIM_VERBS: actions.EXIM_VERBS, POSTFIX_KEY };
/**
 * Patterns built from what the user types, with the function that builds them: vetted below on the shapes they can take.
 * A new `new RegExp` over run-time text must be added here (and vetted), or the test says where it is.
 */
const BUILT_AT_RUN_TIME = new Set(['knownCodes.ts matchers']);

interface Pattern {
  where: string;
  holder: string;
  source: string;
  flags: string;
}

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.generated.ts') ? [full] : [];
  });
}

function enclosingFunction(node: ts.Node): string {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if ((ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name) return parent.name.getText();
  }
  return '(module)';
}

/** The constant or function that holds a pattern: `REPLY_LEADER`, `parseJsonc`. */
function holder(node: ts.Node): string {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if ((ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name) return parent.name.getText();
    if (ts.isVariableDeclaration(parent) && ts.isSourceFile(parent.parent.parent.parent)) return parent.name.getText();
  }
  return '(module)';
}

/** The static text of a `new RegExp` argument, with known constants put in; undefined when it depends on run-time text. */
function staticText(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw') {
    const template = node.template;
    const raw = (literal: ts.TemplateLiteralLikeNode) => literal.rawText ?? literal.text;
    if (ts.isNoSubstitutionTemplateLiteral(template)) return raw(template);
    let text = raw(template.head);
    for (const span of template.templateSpans) {
      const piece = ts.isIdentifier(span.expression) ? PATTERN_PIECES[span.expression.text] : undefined;
      if (piece === undefined) return undefined;
      text += piece + raw(span.literal);
    }
    return text;
  }
  return undefined;
}

/** Every regular expression literal and `new RegExp(…)` in server/src; run-time ones must be in BUILT_AT_RUN_TIME. */
function collectPatterns(): { patterns: Pattern[]; unvetted: string[] } {
  const patterns: Pattern[] = [];
  const unvetted: string[] = [];
  for (const file of sourceFiles(SOURCE_ROOT)) {
    const relative = path.relative(SOURCE_ROOT, file).split(path.sep).join('/');
    const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      const where = () => `${relative}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const lastSlash = text.lastIndexOf('/');
        patterns.push({ where: where(), holder: `${relative} ${holder(node)}`, source: text.slice(1, lastSlash), flags: text.slice(lastSlash + 1) });
      } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') {
        const [sourceArgument, flagsArgument] = node.arguments ?? [];
        const source = sourceArgument && staticText(sourceArgument);
        const flags = flagsArgument ? staticText(flagsArgument) : '';
        if (source !== undefined && flags !== undefined) patterns.push({ where: where(), holder: `${relative} ${holder(node)}`, source, flags });
        else if (!BUILT_AT_RUN_TIME.has(`${relative} ${enclosingFunction(node)}`)) unvetted.push(`${where()} (${enclosingFunction(node)})`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { patterns, unvetted };
}

type Verdict = { status: 'safe' } | { status: 'vulnerable' | 'unknown'; summary: string };

interface VerdictFile {
  recheck: string;
  parameters: Parameters;
  verdicts: Record<string, Verdict>;
}

function readVerdicts(): Record<string, Verdict> {
  if (!fs.existsSync(VERDICTS_FILE)) return {};
  const stored = JSON.parse(fs.readFileSync(VERDICTS_FILE, 'utf8')) as VerdictFile;
  return stored.recheck === RECHECK_VERSION && JSON.stringify(stored.parameters) === JSON.stringify(PARAMETERS) ? stored.verdicts : {};
}

const keyOf = (pattern: Pattern) => `/${pattern.source}/${pattern.flags}`;

function analyse(pattern: Pattern): Verdict {
  // Flags that only change where matching starts (g, y) or what it reports (d) do not change the verdict.
  const result = checkSync(pattern.source, pattern.flags.replace(/[gyd]/g, ''), PARAMETERS);
  return result.status === 'safe' ? { status: 'safe' } : { status: result.status, summary: describeVerdict(result) };
}

function describeVerdict(result: Diagnostics): string {
  if (result.status === 'vulnerable') return `${result.complexity.summary}, e.g. ${result.attack.pattern}`;
  if (result.status === 'unknown') return `not decided: ${result.error.kind}`;
  return 'safe';
}

describe('regular expressions and catastrophic backtracking', () => {
  const { patterns, unvetted } = collectPatterns();

  test('the collector finds the patterns of the scanner, the features and the CLI', () => {
    const files = new Set(patterns.map((pattern) => pattern.where.split(':')[0]));
    for (const file of ['scanner/scanner.ts', 'features/completion.ts', 'features/hover.ts', 'features/mtaChecks.ts', 'cli/cli.ts', 'settings.ts']) {
      assert.ok(files.has(file), `no pattern found in ${file}`);
    }
    const scanner = patterns.filter((pattern) => pattern.where.startsWith('scanner/'));
    assert.ok(scanner.some((pattern) => pattern.source.includes('DEFER_IF_PERMIT|DEFER_IF_REJECT|REJECT|DEFER') && pattern.flags === 'i'), 'ACTION_BEFORE, built from the action list');
    assert.ok(patterns.length >= 60, `${patterns.length} patterns`);
  });

  test('every pattern built at run time is one of the vetted builders', () => {
    assert.deepEqual(unvetted, []);
  });

  test('every pattern in server/src runs in linear time, or reads only bounded text', (t) => {
    const stored = readVerdicts();
    const verdicts: Record<string, Verdict> = {};
    for (const pattern of patterns) verdicts[keyOf(pattern)] ??= stored[keyOf(pattern)] ?? analyse(pattern);
    const fresh = Object.keys(verdicts).filter((key) => !(key in stored)).length;
    if (fresh > 0 && process.env.REDOS_VERDICTS === 'write') {
      fs.writeFileSync(VERDICTS_FILE, `${JSON.stringify({ recheck: RECHECK_VERSION, parameters: PARAMETERS, verdicts } satisfies VerdictFile, null, 1)}\n`);
    } else if (fresh > 0) {
      t.diagnostic(`${fresh} patterns analysed afresh; REDOS_VERDICTS=write stores their verdicts in ${path.relative(ROOT, VERDICTS_FILE)}`);
    }
    const problems = patterns
      .filter((pattern) => verdicts[keyOf(pattern)].status !== 'safe' && !(pattern.holder in BOUNDED_INPUT))
      .map((pattern) => {
        const verdict = verdicts[keyOf(pattern)];
        return `${pattern.where} (${pattern.holder}) /${pattern.source}/${pattern.flags}: ${'summary' in verdict ? verdict.summary : ''}`;
      });
    assert.deepEqual(problems, []);
    const boundedButSafe = Object.keys(BOUNDED_INPUT).filter((holder) => !patterns.some((pattern) => pattern.holder === holder && verdicts[keyOf(pattern)].status !== 'safe'));
    assert.deepEqual(boundedButSafe, [], 'exceptions that are no longer needed');
  });

  test('known-code patterns are linear whatever the user writes', () => {
    // knownCodes.ts turns a validated pattern (KNOWN_CODE_PATTERN) into `^5\.7\.\d\d\d$`: the widest shapes it can take.
    for (const source of [String.raw`^5\.7\.\d\d\d$`, String.raw`^\d\.\d\d\d\.\d\d\d$`, String.raw`^2\.0\.0$`]) {
      assert.equal(checkSync(source, '', PARAMETERS).status, 'safe', source);
    }
  });

  test('the vetting catches a pattern that backtracks catastrophically', () => {
    assert.equal(checkSync('^(\\w+\\s?)*$', '', PARAMETERS).status, 'vulnerable');
    assert.equal(checkSync(String.raw`^(\S.*?[ \t]+)REJECT[ \t]+(\S.*)$`, '', PARAMETERS).status, 'vulnerable');
  });
});
