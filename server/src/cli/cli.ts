#!/usr/bin/env node
/**
 * smtp-status-codes: the editor's checks on the command line, for CI pipelines of mail configuration.
 *   smtp-status-codes check [paths or globs …] [--format text|json|sarif] [--fix] [--fail-on error|warning|information|hint|none] [--config file]
 *   smtp-status-codes explain 5.7.26
 *   smtp-status-codes summary /var/log/mail.log* [--format text|json|markdown] [--since T] [--until T]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { DOCUMENTATION } from '../features/diagnostics';
import { providerReason, reasonMarkdown } from '../features/bounceReason';
import { describeStatusCode } from '../features/describe';
import { providerEntriesFor, providerEntriesInContext } from '../registry/providerLookup';
import { createLanguageService, type LanguageService } from '../languageService';
import { classifyBounce } from '../registry/bounceReasons';
import { resolveSettings, type Settings } from '../settings';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { decode, encode, encodeUtf8, isBinary, type Encoding } from './encoding';
import { collectFiles, languageOf, readRegularFile, reasonOf, type Input } from './files';
import { fixToFixedPoint, MAX_FIX_ROUNDS } from './fix';
import { jsonReport, sarifReport, summaryLine, textReport, type Finding, type LocatedFinding, type RunSummary, type SarifNotification } from './report';
import { UsageError, valueAfter } from './arguments';
import { SUMMARY_USAGE, summaryCommand } from './summary';

declare const CLI_VERSION: string;
const VERSION = typeof CLI_VERSION === 'string' ? CLI_VERSION : 'development';

const USAGE = `usage: smtp-status-codes check [paths or globs ...] [options]
       smtp-status-codes explain <code>
       smtp-status-codes summary FILES... [options]

check options:
  --format text|json|sarif   output format (default text)
  --fix                      apply the preferred quick fixes in place, and say what was fixed
  --diff                     print a unified diff of what --fix would change; change nothing
  --fail-on LEVEL            exit 1 on findings at or above error|warning|information|hint, or none (default error)
  --max-file-size N          check files of up to N characters (default: the maxFileSize setting, 50000000)
  --config FILE              settings file (JSON: the smtpStatusCodes section, or VS Code settings)
                             (default: .vscode/settings.json in the current directory, if present)
exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad usage, or a file or check asked for that did not run
            (unreadable, too large, an encoding that is not read, a fix that could not be written)

${SUMMARY_USAGE.slice(SUMMARY_USAGE.indexOf('summary options:'))}`;

const SEVERITY_NAME: Record<number, Finding['severity']> = {
  [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint',
};
const LEVELS = ['error', 'warning', 'information', 'hint'];


/** VS Code settings files allow comments and trailing commas. */
function parseJsonc(text: string): unknown {
  const withoutComments = text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, string) => string ?? '');
  return JSON.parse(withoutComments.replace(/,(\s*[}\]])/g, '$1'));
}

/** The smtpStatusCodes settings from a file: flat VS Code keys (`smtpStatusCodes.severity`) or the section itself. */
export function settingsFromFile(file: string): { settings: Settings; problems: string[] } {
  const read = readRegularFile(file);
  if ('skipped' in read) throw new Error(read.skipped);
  const raw = parseJsonc(read.bytes.toString('utf8')) as Record<string, unknown>;
  const section: Record<string, unknown> = {};
  let flat = false;
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (!key.startsWith('smtpStatusCodes.')) continue;
    flat = true;
    const parts = key.slice('smtpStatusCodes.'.length).split('.');
    let target = section;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]] = value;
  }
  const smtp = (raw as Record<string, unknown>)?.smtpStatusCodes;
  return resolveSettings(flat ? section : smtp ?? raw);
}

function parseArguments(args: string[]) {
  const options = {
    format: 'text', fix: false, diff: false, failOn: 'error', config: undefined as string | undefined, maxFileSize: undefined as number | undefined, paths: [] as string[],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => valueAfter(args, i++);
    if (arg === '--format') options.format = value();
    else if (arg === '--fix') options.fix = true;
    else if (arg === '--diff') options.diff = true;
    else if (arg === '--fail-on') options.failOn = value();
    else if (arg === '--config') options.config = value();
    else if (arg === '--max-file-size') {
      const text = value();
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`--max-file-size takes a number of characters, not ${text}`);
      options.maxFileSize = Number(text);
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else options.paths.push(arg);
  }
  if (!['text', 'json', 'sarif'].includes(options.format)) throw new UsageError(`--format must be text, json or sarif, not ${options.format}`);
  if (![...LEVELS, 'none'].includes(options.failOn)) throw new UsageError(`--fail-on must be one of ${LEVELS.join(', ')} or none, not ${options.failOn}`);
  if (options.diff && options.fix) throw new UsageError('--diff shows what --fix would change; give one of them');
  if (options.diff && options.format !== 'text') throw new UsageError('--diff prints a unified diff, so it takes no --format');
  return options;
}

/** Settings under which only the checks at or above `threshold` report, with no cap: the findings that decide the exit code. */
function failingChecksOnly(settings: Settings, threshold: number): Settings {
  const keep = (levels: Settings['severity']) =>
    Object.fromEntries(Object.entries(levels).map(([code, level]) => [code, level !== 'off' && LEVELS.indexOf(level) <= threshold ? level : 'off'])) as Settings['severity'];
  return { ...settings, severity: keep(settings.severity), severityInLogs: keep(settings.severityInLogs), maxNumberOfProblems: Number.MAX_SAFE_INTEGER };
}

/** The most bytes a text of `characters` UTF-16 code units can take in UTF-8 or UTF-16 with a byte-order mark. */
const mostBytesFor = (characters: number) => characters * 3 + 3;

type Output = (text: string | Uint8Array) => void;
type Options = ReturnType<typeof parseArguments>;

/** What one run shares between the files it checks. */
interface Run {
  options: Options;
  settings: Settings;
  service: LanguageService;
  summary: RunSummary;
  findings: LocatedFinding[];
  /** Says something about a file on standard error; `failed` when a check or fix that was asked for did not happen. */
  note(file: string, message: string, failed: boolean): void;
  /** What --fix did: on standard output in text, where it is the point of the run; on standard error otherwise. */
  tell(text: string): void;
  out: Output;
  display(file: string): string;
}

function check(args: string[], cwd: string, out: Output, err: (text: string) => void): number {
  const options = parseArguments(args);
  const configFile = options.config ?? (fs.existsSync(path.join(cwd, '.vscode', 'settings.json')) ? path.join(cwd, '.vscode', 'settings.json') : undefined);
  let settings = resolveSettings(undefined).settings;
  if (configFile) {
    try {
      const loaded = settingsFromFile(path.resolve(cwd, configFile));
      settings = loaded.settings;
      for (const problem of loaded.problems) err(`${configFile}: ${problem}`);
    } catch (error) {
      err(`cannot read settings from ${configFile}: ${reasonOf(error)}`);
      return 2;
    }
  }
  if (options.maxFileSize !== undefined) settings = { ...settings, maxFileSize: options.maxFileSize };

  const notifications: SarifNotification[] = [];
  const display = (file: string) => shortened(shownPath(file, cwd));
  const run: Run = {
    options, settings, out, display,
    service: createLanguageService(),
    summary: { checked: 0, notChecked: 0, skipped: 0, cut: 0, failures: 0, unfixed: 0, fixed: options.fix || options.diff ? { problems: 0, files: 0, wouldFix: options.diff } : undefined },
    findings: [],
    note(file, message, failed) {
      notifications.push({ file, message, failed });
      err(`${display(file)}: ${message}`);
    },
    tell: (text) => (options.format === 'text' && !options.diff ? out(text) : err(text)),
  };

  const { files, notes } = collectFiles(options.paths.length > 0 ? options.paths : ['.'], cwd);
  for (const { file, message, failed } of notes) {
    if (failed) run.summary.failures++;
    else run.summary.skipped++;
    run.note(file, message, failed);
  }
  for (const input of files) checkFile(run, input);

  const { findings, summary } = run;
  if (options.diff) err(summaryLine(findings, summary));
  else if (options.format === 'json') out(jsonReport(findings));
  else if (options.format === 'sarif') out(sarifReport(findings, VERSION, DOCUMENTATION, cwd, notifications));
  else out(textReport(findings, summary));
  if (notifications.some((n) => n.failed)) return 2;
  const threshold = failThreshold(options);
  return findings.some((f) => LEVELS.indexOf(f.severity) <= threshold) ? 1 : 0;
}

const failThreshold = (options: Options) => (options.failOn === 'none' ? -1 : LEVELS.indexOf(options.failOn));

/** Reads, fixes (with --fix or --diff) and checks one file; whatever goes wrong is said and the run goes on. */
function checkFile(run: Run, { file, explicit }: Input): void {
  const { settings, summary } = run;
  const notChecked = (message: string) => {
    summary.notChecked++;
    run.note(file, `not checked: ${message}`, true);
  };
  const skipped = (message: string) => {
    if (explicit) return notChecked(message);
    summary.skipped++;
    run.note(file, `skipped: ${message}`, false);
  };
  const limitName = run.options.maxFileSize !== undefined ? '--max-file-size' : 'smtpStatusCodes.maxFileSize';
  try {
    const read = readRegularFile(file, mostBytesFor(settings.maxFileSize));
    if ('skipped' in read) return skipped(read.skipped);
    if ('tooLarge' in read) return notChecked(`${read.tooLarge} bytes, more than ${settings.maxFileSize} characters (${limitName}); raise ${limitName} to check it`);
    const decoded = decode(read.bytes);
    if ('unreadable' in decoded) return notChecked(`the text is in ${decoded.unreadable}; convert it to UTF-8 or UTF-16 to check it`);
    if (decoded.encoding === 'utf-8' && isBinary(read.bytes)) return skipped('binary (a NUL byte in the first 8,000 bytes; UTF-16 needs a byte-order mark to be read)');
    if (decoded.text.length > settings.maxFileSize) {
      return notChecked(`${decoded.text.length} characters, more than ${settings.maxFileSize} (${limitName}); raise ${limitName} to check it`);
    }
    const uri = pathToFileURL(file).href;
    const languageId = languageOf(file);
    const text = run.options.fix || run.options.diff ? fixFile(run, file, uri, languageId, read.bytes, decoded) : decoded.text;
    report(run, file, TextDocument.create(uri, languageId, 1, text));
    summary.checked++;
    run.service.forget(uri);
  } catch (error) {
    notChecked(reasonOf(error));
  }
}

/** Applies the preferred fixes (or prints them as a diff) and returns the text to report on: the fixed one where it was written. */
function fixFile(run: Run, file: string, uri: string, languageId: string, original: Buffer, decoded: { text: string; encoding: Encoding }): string {
  const { options, service, settings } = run;
  const result = fixToFixedPoint(service, uri, languageId, decoded.text, { ...settings, maxNumberOfProblems: Number.MAX_SAFE_INTEGER });
  if (result.dropped > 0) run.note(file, `${plural(result.dropped, 'fix')} not applied: the result would be flagged again`, false);
  if (result.roundsExhausted) run.note(file, `stopped after ${MAX_FIX_ROUNDS} rounds of fixes; run again to fix the rest`, false);
  if (result.text === decoded.text) return decoded.text;

  const notFixed = (message: string) => {
    run.summary.unfixed++;
    run.note(file, `not fixed: ${message}`, true);
    return decoded.text;
  };
  if (!encode(decoded.text, decoded.encoding).equals(original)) return notFixed('its bytes would not come back the same after decoding and encoding');
  if (options.diff) {
    const name = run.display(file).split(path.sep).join('/');
    run.out(encodeUtf8(createTwoFilesPatch(`a/${name}`, `b/${name}`, decoded.text, result.text, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY })));
  } else {
    const target = fs.realpathSync(file);
    const current = readRegularFile(target);
    if ('skipped' in current || !current.bytes.equals(original)) return notFixed('it changed while it was being checked');
    try {
      fs.writeFileSync(target, encode(result.text, decoded.encoding)); // in place: the file keeps its mode, owner and links
    } catch (error) {
      return notFixed(`cannot write it: ${reasonOf(error)}`);
    }
    if (target !== path.resolve(file)) run.tell(`${run.display(file)}: a symbolic link; fixed its target ${target}`);
  }
  run.summary.fixed!.problems += result.applied.length;
  run.summary.fixed!.files++;
  for (const fix of result.applied) run.tell(`${run.display(file)}:${fix.line + 1}:${fix.character + 1} ${options.diff ? 'would fix' : 'fixed'} ${fix.code}: ${fix.title}`);
  return result.text;
}

/**
 * The findings of one document. Where maxNumberOfProblems cuts the list, the findings at or above --fail-on that it cut are
 * listed too: the exit code must never rest on findings nobody was shown.
 */
function report(run: Run, file: string, document: TextDocument): void {
  const { options, service, settings } = run;
  const validation = service.doValidation(document, settings);
  let diagnostics = validation?.diagnostics ?? [];
  if (validation?.limited?.setting === 'maxNumberOfProblems') {
    run.summary.cut++;
    const threshold = failThreshold(options);
    const listed = new Set(diagnostics.map(diagnosticKey));
    const beyond = threshold >= 0 ? (service.doValidation(document, failingChecksOnly(settings, threshold))?.diagnostics ?? []).filter((d) => !listed.has(diagnosticKey(d))) : [];
    diagnostics = [...diagnostics, ...beyond].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const more = threshold >= 0 ? `, and ${beyond.length} more at or above --fail-on ${options.failOn}` : '';
    run.note(file, `more than ${settings.maxNumberOfProblems} problems (smtpStatusCodes.maxNumberOfProblems): the first ${settings.maxNumberOfProblems} are listed${more}`, false);
  }
  for (const diagnostic of diagnostics) run.findings.push(toFinding(file, run.display(file), diagnostic));
}

/** A path as the user would write it: relative inside the working directory, absolute outside it. */
function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  if (relative === '') return path.basename(file);
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? file : relative;
}

/** Paths too long for the file system are too long for a terminal line: their middle is left out. */
function shortened(shown: string): string {
  return shown.length <= 200 ? shown : `${shown.slice(0, 80)}…${shown.slice(-80)} (${shown.length} characters)`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;

const diagnosticKey = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${String(d.code)}`;

function toFinding(file: string, shown: string, diagnostic: Diagnostic): LocatedFinding {
  return {
    path: shown,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
    severity: SEVERITY_NAME[diagnostic.severity ?? DiagnosticSeverity.Error],
    code: String(diagnostic.code),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    file,
  };
}

/** The registry entry for the terminal: the hover text with Markdown links and emphasis made plain. */
function explain(args: string[], out: (text: string) => void): number {
  const code = args[0];
  const shape = code && /^([245])\.(\d{1,3})\.(\d{1,3})$/.exec(code);
  if (!shape || args.length > 1) throw new UsageError(code ? `"${args.join(' ')}" is not an enhanced status code such as 5.7.26` : 'explain needs a code, such as 5.7.26');
  const providers = providerEntriesFor(code);
  // Without a reply, what the providers say of the code is the text a vague or unregistered code is read with.
  // With no context to name a provider, a provider's meaning of a registered code counts where it is the usual one.
  const classification = providerReason(code, Number(shape[1]), providerEntriesInContext(code, new Set()))
    ?? classifyBounce(Number(shape[1]), Number(shape[2]), Number(shape[3]), providers.map((entry) => `${entry.title}. ${entry.meaning}`).join(' '));
  const markdown = describeStatusCode(Number(shape[1]), Number(shape[2]), Number(shape[3]), undefined, undefined, providers)
    + (classification ? `\n\n${reasonMarkdown(classification)}` : '');
  out(markdown.replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\*([^*]+)\*/g, '$1'));
  return 0;
}

const writeOut: Output = (chunk) => {
  if (typeof chunk === 'string') process.stdout.write(`${chunk}\n`);
  else process.stdout.write(chunk);
};

export function run(args: string[], cwd = process.cwd(), out: Output = writeOut, err = (text: string) => console.error(text)): number | Promise<number> {
  try {
    const [command, ...rest] = args;
    if (command === 'summary') {
      return summaryCommand(rest, cwd, { out, err, progress: process.stderr }).catch((error) => {
        if (!(error instanceof UsageError)) throw error;
        err(`smtp-status-codes: ${error.message}\n\n${SUMMARY_USAGE}`);
        return 2;
      });
    }
    if (command === 'check') return check(rest, cwd, out, err);
    if (command === 'explain') return explain(rest, out);
    if (command === '--version' || command === '-v') {
      out(VERSION);
      return 0;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      out(USAGE);
      return 0;
    }
    throw new UsageError(command ? `unknown command ${command}` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError) {
      err(`smtp-status-codes: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  // A reader that stops early (`| head`) closes the pipe: that ends the output, it is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  void Promise.resolve(run(process.argv.slice(2))).then((code) => (process.exitCode = code));
}
