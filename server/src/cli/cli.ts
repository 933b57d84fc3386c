#!/usr/bin/env node
/**
 * smtp-status-codes: the editor's checks on the command line, for CI pipelines of mail configuration.
 *   smtp-status-codes check [paths or globs …] [--format text|json|sarif] [--fix] [--fail-on error|warning|information|hint|none] [--config file]
 *   smtp-status-codes explain 5.7.26
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { DOCUMENTATION } from '../features/diagnostics';
import { describeStatusCode } from '../features/describe';
import { providerEntriesFor } from '../registry/providerLookup';
import { createLanguageService } from '../languageService';
import { resolveSettings, type Settings } from '../settings';
import { collectFiles, languageOf } from './files';
import { jsonReport, sarifReport, textReport, type Finding } from './report';

declare const CLI_VERSION: string;
const VERSION = typeof CLI_VERSION === 'string' ? CLI_VERSION : 'development';

const USAGE = `usage: smtp-status-codes check [paths or globs ...] [options]
       smtp-status-codes explain <code>

check options:
  --format text|json|sarif   output format (default text)
  --fix                      apply the unambiguous quick fixes in place
  --fail-on LEVEL            exit 1 on findings at or above error|warning|information|hint, or none (default error)
  --config FILE              settings file (JSON: the smtpStatusCodes section, or VS Code settings)
                             (default: .vscode/settings.json in the current directory, if present)
exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad usage or unreadable input`;

const SEVERITY_NAME: Record<number, Finding['severity']> = {
  [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint',
};
const LEVELS = ['error', 'warning', 'information', 'hint'];

class UsageError extends Error {}

/** VS Code settings files allow comments and trailing commas. */
function parseJsonc(text: string): unknown {
  const withoutComments = text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, string) => string ?? '');
  return JSON.parse(withoutComments.replace(/,(\s*[}\]])/g, '$1'));
}

/** The smtpStatusCodes settings from a file: flat VS Code keys (`smtpStatusCodes.severity`) or the section itself. */
export function settingsFromFile(file: string): { settings: Settings; problems: string[] } {
  const raw = parseJsonc(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
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
  const options = { format: 'text', fix: false, failOn: 'error', config: undefined as string | undefined, paths: [] as string[] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--format') options.format = value();
    else if (arg === '--fix') options.fix = true;
    else if (arg === '--fail-on') options.failOn = value();
    else if (arg === '--config') options.config = value();
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else options.paths.push(arg);
  }
  if (!['text', 'json', 'sarif'].includes(options.format)) throw new UsageError(`--format must be text, json or sarif, not ${options.format}`);
  if (![...LEVELS, 'none'].includes(options.failOn)) throw new UsageError(`--fail-on must be one of ${LEVELS.join(', ')} or none, not ${options.failOn}`);
  return options;
}

function isBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8000).includes(0);
}

function check(args: string[], cwd: string, out: (text: string) => void, err: (text: string) => void): number {
  const options = parseArguments(args);
  const configFile = options.config ?? (fs.existsSync(path.join(cwd, '.vscode', 'settings.json')) ? path.join(cwd, '.vscode', 'settings.json') : undefined);
  let settings = resolveSettings(undefined).settings;
  if (configFile) {
    try {
      const loaded = settingsFromFile(path.resolve(cwd, configFile));
      settings = loaded.settings;
      for (const problem of loaded.problems) err(`${configFile}: ${problem}`);
    } catch (error) {
      err(`cannot read settings from ${configFile}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }

  const { files, errors } = collectFiles(options.paths.length > 0 ? options.paths : ['.'], cwd);
  for (const error of errors) err(error);
  const service = createLanguageService();
  const firstPreferredFix = (document: TextDocument, diagnostics: Diagnostic[]) => {
    for (const diagnostic of diagnostics) {
      const fix = service.doCodeActions(document, [diagnostic], settings).find((action) => action.isPreferred && action.edit);
      if (fix) return fix;
    }
    return undefined;
  };
  const findings: Finding[] = [];
  let unreadable = errors.length > 0;
  let checked = 0;
  for (const file of files) {
    let buffer: Buffer;
    try {
      buffer = fs.readFileSync(file);
    } catch (error) {
      err(`cannot read ${path.relative(cwd, file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      unreadable = true;
      continue;
    }
    if (isBinary(buffer)) continue;
    checked++;
    const uri = pathToFileURL(file).href;
    let document = TextDocument.create(uri, languageOf(file), 1, buffer.toString('utf8'));
    if (options.fix) {
      const original = document.getText();
      for (let round = 0; round < 100; round++) {
        const fix = firstPreferredFix(document, service.doValidation(document, settings)?.diagnostics ?? []);
        if (!fix) break;
        document = TextDocument.create(uri, document.languageId, document.version + 1, TextDocument.applyEdits(document, fix.edit!.changes![uri]));
      }
      if (document.getText() !== original) fs.writeFileSync(file, document.getText());
    }
    const relative = path.relative(cwd, file) || path.basename(file);
    for (const diagnostic of service.doValidation(document, settings)?.diagnostics ?? []) findings.push(toFinding(relative, diagnostic));
    service.forget(uri);
  }

  out(options.format === 'json' ? jsonReport(findings) : options.format === 'sarif' ? sarifReport(findings, VERSION, DOCUMENTATION) : textReport(findings, checked));
  if (unreadable) return 2;
  const threshold = options.failOn === 'none' ? -1 : LEVELS.indexOf(options.failOn);
  return findings.some((f) => LEVELS.indexOf(f.severity) <= threshold) ? 1 : 0;
}

function toFinding(file: string, diagnostic: Diagnostic): Finding {
  return {
    path: file,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
    severity: SEVERITY_NAME[diagnostic.severity ?? DiagnosticSeverity.Error],
    code: String(diagnostic.code),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
  };
}

/** The registry entry for the terminal: the hover text with Markdown links and emphasis made plain. */
function explain(args: string[], out: (text: string) => void): number {
  const code = args[0];
  const shape = code && /^([245])\.(\d{1,3})\.(\d{1,3})$/.exec(code);
  if (!shape || args.length > 1) throw new UsageError(code ? `"${args.join(' ')}" is not an enhanced status code such as 5.7.26` : 'explain needs a code, such as 5.7.26');
  const markdown = describeStatusCode(Number(shape[1]), Number(shape[2]), Number(shape[3]), undefined, undefined, providerEntriesFor(code));
  out(markdown.replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\*([^*]+)\*/g, '$1'));
  return 0;
}

export function run(args: string[], cwd = process.cwd(), out = (text: string) => console.log(text), err = (text: string) => console.error(text)): number {
  try {
    const [command, ...rest] = args;
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

if (require.main === module) process.exitCode = run(process.argv.slice(2));
