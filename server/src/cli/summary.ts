/**
 * `smtp-status-codes summary FILES…`: totals of Postfix, Exim and Sendmail logs of any size, plain, rotated or gzipped,
 * streamed in constant memory. The path for logs over the editor's size limit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { UsageError, valueAfter } from './arguments';
import { LogSummary, parseTimeBound, type MtaReport, type SummaryReport } from '../logs/logSummary';

export const SUMMARY_USAGE = `usage: smtp-status-codes summary FILES... [options]   (- reads standard input)

summary options:
  --format text|json|markdown   output format (default text)
  --since TIME                  only lines at or after TIME (2026-11-28, 2026-11-28 06:00, 2026-11-28T06:00:30)
  --until TIME                  only lines before TIME; syslog lines carry no year: they are taken in the year of --since/--until
  --top N                       rows in the domain, host and reject tables (default 10)
exit codes: 0 read every file, 2 bad usage or a file unreadable or cut short (the counts of what was read are still printed)`;

const MTA_NAMES = { postfix: 'Postfix', exim: 'Exim', sendmail: 'Sendmail' } as const;
/** Inputs larger than this show progress on a terminal. */
const PROGRESS_THRESHOLD = 64 * 1024 * 1024;
const PROGRESS_INTERVAL_MS = 250;
/** Below V8's large-object size: megabyte strings cost more to make than the lines they hold. */
const CHUNK_SIZE = 64 * 1024;


interface Options {
  format: 'text' | 'json' | 'markdown';
  since?: number;
  until?: number;
  top: number;
  files: string[];
}

function parseOptions(args: string[]): Options {
  const options: Options = { format: 'text', top: 10, files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => valueAfter(args, i++);
    const time = () => {
      const text = value();
      const parsed = parseTimeBound(text);
      if (parsed === undefined) throw new UsageError(`${arg} takes a date such as 2026-11-28 or 2026-11-28 06:00, not ${text}`);
      return parsed;
    };
    if (arg === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'markdown') throw new UsageError(`--format must be text, json or markdown, not ${format}`);
      options.format = format;
    } else if (arg === '--since') options.since = time();
    else if (arg === '--until') options.until = time();
    else if (arg === '--top') {
      const text = value();
      options.top = Number(text);
      if (!Number.isInteger(options.top) || options.top < 1) throw new UsageError(`--top takes a positive whole number, not ${text}`);
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) throw new UsageError('summary needs at least one log file (or - for standard input)');
  if (options.since !== undefined && options.until !== undefined && options.until <= options.since) throw new UsageError('--until must be later than --since');
  return options;
}

export interface SummaryIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Where progress goes; only a terminal gets it. */
  progress?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadableStream;
}

function isGzip(file: string): boolean {
  const descriptor = fs.openSync(file, 'r');
  try {
    // Zero-filled: a file of fewer than two bytes reads as no magic.
    const magic = Buffer.alloc(2);
    fs.readSync(descriptor, magic, 0, 2, 0);
    return magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Feeds the lines of `input` to `summary`; a line cut short by the end of the data (a truncated file) is not counted. */
async function readLines(input: NodeJS.ReadableStream, summary: LogSummary, onChunk: () => void): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of input) {
    const text = rest + decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      summary.addLine(text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
    onChunk();
  }
  rest += decoder.end();
  if (rest.length > 0) summary.addLine(rest);
}

function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(0)} MB`;
}

export async function summaryCommand(args: string[], cwd: string, io: SummaryIo): Promise<number> {
  const options = parseOptions(args);
  const summary = new LogSummary({ since: options.since, until: options.until });
  const sizes = options.files.map((file) => {
    if (file === '-') return 0;
    try {
      return fs.statSync(path.resolve(cwd, file)).size;
    } catch {
      return 0;
    }
  });
  const total = sizes.reduce((a, b) => a + b, 0);
  const showProgress = io.progress?.isTTY === true && total > PROGRESS_THRESHOLD;
  let done = 0;
  let lastProgress = 0;
  const started = Date.now();
  const progress = (current: number) => {
    const now = Date.now();
    if (!showProgress || now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    const read = done + current;
    const rate = read / Math.max(1, now - started) / 1000;
    io.progress!.write(`\rsummary: ${formatBytes(read)} of ${formatBytes(total)} (${Math.floor((100 * read) / total)}%), ${rate.toFixed(0)} MB/s   `);
  };

  let failed = false;
  for (const [index, file] of options.files.entries()) {
    const name = file === '-' ? 'standard input' : file;
    const linesBefore = summary.lines;
    try {
      if (file === '-') {
        await readLines(io.stdin ?? process.stdin, summary, () => undefined);
        continue;
      }
      const full = path.resolve(cwd, file);
      // Stryker disable next-line StringLiteral: only the code of this error is read, its message is never shown
      if (fs.statSync(full).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      // Stryker disable next-line ObjectLiteral: 64 KiB is also the default of a file stream; the size is stated so that both reads use one
      const raw = fs.createReadStream(full, { highWaterMark: CHUNK_SIZE });
      const onChunk = () => progress(raw.bytesRead);
      if (isGzip(full)) {
        // Stryker disable next-line ObjectLiteral: the size of the inflated chunks changes how often progress is considered, not what is counted
        // pipeline, not pipe: a damaged archive fails the inflation, and the file is closed with it rather than left open.
        const inflated = pipeline(raw, createGunzip({ chunkSize: CHUNK_SIZE }), () => undefined);
        await readLines(inflated, summary, onChunk);
      } else {
        await readLines(raw, summary, onChunk);
      }
    } catch (error) {
      failed = true;
      const code = (error as NodeJS.ErrnoException).code;
      const read = summary.lines - linesBefore;
      if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') {
        io.err(`smtp-status-codes: ${name} is a damaged or truncated gzip file (${(error as Error).message}); the summary counts the ${counted(read, 'complete line')} read before it ended`);
      } else if (code === 'ENOENT') io.err(`smtp-status-codes: cannot read ${name}: no such file`);
      else if (code === 'EISDIR') io.err(`smtp-status-codes: ${name} is a directory; name the log files`);
      else if (code === 'EACCES') io.err(`smtp-status-codes: cannot read ${name}: permission denied`);
      else io.err(`smtp-status-codes: cannot read ${name} after ${counted(read, 'line')}: ${(error as Error).message}`);
    } finally {
      done += sizes[index];
    }
  }
  if (showProgress) io.progress!.write('\r\x1b[K');

  const report = summary.report(options.top);
  io.out(options.format === 'json' ? JSON.stringify(report, null, 2) : options.format === 'markdown' ? markdownReport(report) : textReport(report));
  return failed ? 2 : 0;
}

function n(value: number): string {
  return value.toLocaleString('en-US');
}

/** A count and its noun, singular for one: `1 line`, `2,000 lines`. */
function counted(value: number, noun: string): string {
  return `${n(value)} ${value === 1 ? noun : `${noun}s`}`;
}

function codeList(codes: { code: string; count: number }[], limit = 4): string {
  return codes.slice(0, limit).map(({ code, count }) => `${code} ×${n(count)}`).join(', ') + (codes.length > limit ? ', …' : '');
}

function totalsRows(mta: MtaReport): [string, string][] {
  const t = mta.totals;
  const rows: [string, string][] = [
    ['received', n(t.received)],
    ['delivered', n(t.delivered)],
    ['deferred', `${n(t.deferred)} (${counted(t.deferrals, 'deferral')})`],
    ['bounced', n(t.bounced)],
    ['rejected', n(t.rejected)],
  ];
  if (t.forwarded) rows.splice(2, 0, ['forwarded', n(t.forwarded)]);
  if (t.expired) rows.push(['expired', n(t.expired)]);
  return rows;
}

const CLASS_NAMES: Record<number, string> = { 2: 'success', 4: 'transient failure', 5: 'permanent failure' };

function textReport(report: SummaryReport): string {
  const out: string[] = [];
  if (report.mtas.length === 0) out.push(`No Postfix, Exim or Sendmail lines in ${counted(report.lines, 'line')} read.`);
  for (const mta of report.mtas) {
    out.push(`${MTA_NAMES[mta.mta]} (${counted(mta.lines, 'line')} about messages, ${mta.first} to ${mta.last})`);
    for (const [label, value] of totalsRows(mta)) out.push(`  ${label.padEnd(10)} ${value}`);
    for (const statusClass of [2, 4, 5]) {
      const codes = mta.codes.filter((code) => code.statusClass === statusClass);
      if (codes.length === 0) continue;
      out.push('', `  ${statusClass}.x.x ${CLASS_NAMES[statusClass]}: ${n(codes.reduce((sum, code) => sum + code.count, 0))}`);
      for (const code of codes) out.push(`    ${code.code.padEnd(8)} ${n(code.count).padStart(10)}  ${code.meaning}`);
    }
    for (const [title, rows] of [['remote domains', mta.domains], ['remote hosts', mta.hosts]] as const) {
      if (rows.length === 0) continue;
      out.push('', `  Top ${title} by bounces and deferrals:`);
      const width = Math.min(60, Math.max(...rows.map((row) => row.name.length)));
      for (const row of rows) out.push(`    ${row.name.padEnd(width)} ${n(row.bounced).padStart(8)} bounced ${n(row.deferred).padStart(8)} deferred  ${codeList(row.codes)}`);
    }
    if (mta.rejects.length > 0) {
      out.push('', '  Rejects by restriction:');
      const width = Math.min(60, Math.max(...mta.rejects.map((row) => row.restriction.length)));
      for (const row of mta.rejects) out.push(`    ${row.restriction.padEnd(width)} ${n(row.count).padStart(8)}  ${codeList(row.codes)}`.trimEnd());
    }
    out.push('');
  }
  if (report.outsideWindow > 0) out.push(`${counted(report.outsideWindow, 'line')} fell outside --since/--until.`);
  return out.join('\n').trimEnd();
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function markdownReport(report: SummaryReport): string {
  const out: string[] = ['# Mail log summary'];
  if (report.mtas.length === 0) out.push('', `No Postfix, Exim or Sendmail lines in ${counted(report.lines, 'line')} read.`);
  for (const mta of report.mtas) {
    out.push('', `## ${MTA_NAMES[mta.mta]}`, '', `${counted(mta.lines, 'line')} about messages, ${mta.first} to ${mta.last}`, '', '| | messages |', '| --- | ---: |');
    for (const [label, value] of totalsRows(mta)) out.push(`| ${label} | ${value} |`);
    if (mta.codes.length > 0) {
      out.push('', '### Codes', '', '| code | class | count | meaning |', '| --- | --- | ---: | --- |');
      for (const code of mta.codes) out.push(`| ${code.code} | ${CLASS_NAMES[code.statusClass] ?? code.statusClass} | ${n(code.count)} | ${cell(code.meaning)} |`);
    }
    for (const [title, rows] of [['Remote domains', mta.domains], ['Remote hosts', mta.hosts]] as const) {
      if (rows.length === 0) continue;
      out.push('', `### ${title} by bounces and deferrals`, '', '| | bounced | deferred | codes |', '| --- | ---: | ---: | --- |');
      for (const row of rows) out.push(`| ${cell(row.name)} | ${n(row.bounced)} | ${n(row.deferred)} | ${codeList(row.codes)} |`);
    }
    if (mta.rejects.length > 0) {
      out.push('', '### Rejects by restriction', '', '| restriction | count | codes |', '| --- | ---: | --- |');
      for (const row of mta.rejects) out.push(`| ${cell(row.restriction)} | ${n(row.count)} | ${codeList(row.codes)} |`);
    }
  }
  if (report.outsideWindow > 0) out.push('', `${counted(report.outsideWindow, 'line')} fell outside --since/--until.`);
  return out.join('\n');
}
