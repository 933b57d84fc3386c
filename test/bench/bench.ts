/**
 * `npm run bench`: speed and memory on a 20 MB mail log and a 5 MB source tree, measured side by side in one run.
 * Against two floors: a bare RegExp pass in this process for the analysis, and for what a user waits on a minimal server
 * on the same protocol stack (floorServer.ts), run alternately with the real one. Prints one JSON object, then a table of
 * each figure beside its floor and target.
 * `npm run bench -- summary`: the command-line summary beside pflogsumm and eximstats (see summaryBench.ts).
 */
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalysis } from '../../server/src/analysis';
import { SERVER_STATUS_REQUEST, type ServerStatus } from '../../server/src/commands';
import { documentSymbols, MessageIndex } from '../../server/src/features/messages';
import { createLanguageService } from '../../server/src/languageService';
import { scan } from '../../server/src/scanner/scanner';
import { LspSession } from '../support/lspSession';
import { SERVER } from '../support/paths';
import { barePass } from './barePass';
import { mailLog, postfixLog, sourceTree } from './generate';
import { summaryBench } from './summaryBench';

const LOG_SIZE = 20_000_000;
const TREE_SIZE = 5_000_000;
/** Sessions of each server in each diagnostics mode, alternating; the best of them counts. */
const ROUNDS = 3;

const now = () => Number(process.hrtime.bigint()) / 1e6;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}


/** Runs `a` and `b` alternately, `rounds` times each, and returns the median time of each in milliseconds. */
function sideBySide(a: () => unknown, b: () => unknown, rounds = 11): [number, number] {
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round < rounds; round++) {
    for (const [index, run] of [a, b].entries()) {
      const start = now();
      run();
      times[index].push(now() - start);
    }
  }
  return [median(times[0]), median(times[1])];
}

/** Pathological lines: repeated pieces of codes and contexts that would make a backtracking scanner slow down. */
const PATHOLOGICAL_UNITS = ['5.5.', '550 5', '5', '1.', '550-', 'dsn=5.5.5.5 ', '"\'(#'];

/** How much longer the scanner takes on four times the text, for each pathological line: about 4 when time grows linearly. */
function linearGrowth(): Record<string, number> {
  const ratios: Record<string, number> = {};
  for (const unit of PATHOLOGICAL_UNITS) {
    const small = unit.repeat(Math.ceil(250_000 / unit.length));
    const large = small.repeat(4);
    const [smallMs, largeMs] = sideBySide(() => scan(small, { kind: 'mail-log' }), () => scan(large, { kind: 'mail-log' }), 11);
    ratios[unit] = largeMs / smallMs;
  }
  return ratios;
}

/**
 * The text as a server holds it: parsed from the protocol's JSON (or read from a file), one flat string. A string built
 * by concatenation is a tree of pieces, and reading its characters one by one costs more than the server ever pays.
 */
const asReceived = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

async function main(): Promise<void> {
  const log = asReceived(mailLog(LOG_SIZE));
  const tree = sourceTree(TREE_SIZE).map((file) => ({ ...file, text: asReceived(file.text) }));
  const logDocument = TextDocument.create('file:///var/log/mail.log', 'log', 1, log);
  const treeDocuments = tree.map((file) => TextDocument.create(file.uri, file.languageId, 1, file.text));
  const service = createLanguageService();

  const [logAnalysis, logBare] = sideBySide(() => new DocumentAnalysis(logDocument), () => barePass(log));
  const [logValidation] = sideBySide(() => { service.forget(logDocument.uri); service.doValidation(logDocument); }, () => undefined, 5);
  const [treeAnalysis, treeBare] = sideBySide(
    () => treeDocuments.forEach((document) => new DocumentAnalysis(document)),
    () => tree.forEach((file) => barePass(file.text)),
  );
  const occurrences = new DocumentAnalysis(logDocument).occurrences.length;
  service.doValidation(logDocument);
  const hoverLineNumber = Math.floor(occurrences / 2);
  const inProcessHover: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const position = { line: (hoverLineNumber + i * 97) % 100_000, character: 160 };
    const start = now();
    service.doHover(logDocument, position);
    inProcessHover.push(now() - start);
  }
  const treeOccurrences = treeDocuments.reduce((n, document) => n + new DocumentAnalysis(document).occurrences.length, 0);

  const protocol = await protocolFigures(log);

  // Messages: the Outline of a 100,000-line Postfix log (index and symbols), then highlights with the index built.
  const postfixLines: string[] = [];
  const generated = postfixLog({ received: 0, delivered: 0, deferred: 0, deferrals: 0, bounced: 0, rejected: 0 });
  while (postfixLines.length < 100_000) postfixLines.push(...generated.next().value!);
  const messagesDocument = TextDocument.create('file:///var/log/mail.log.1', 'log', 1, postfixLines.slice(0, 100_000).join('\n') + '\n');
  const messagesText = messagesDocument.getText();
  const outlineCpu = process.cpuUsage();
  const [outlineMs] = sideBySide(() => documentSymbols(new MessageIndex(messagesText)), () => undefined, 5);
  const outlineCpuUsed = process.cpuUsage(outlineCpu);
  const outlineCpuMs = (outlineCpuUsed.user + outlineCpuUsed.system) / 1000 / 5;
  const highlightTimes: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const line = (i * 97) % 100_000;
    const start = now();
    service.doDocumentHighlights(messagesDocument, { line, character: 42 });
    highlightTimes.push(now() - start);
  }

  const growth = linearGrowth();
  const figures = {
    outline100kLinesMs: outlineMs,
    outline100kLinesCpuMs: outlineCpuMs,
    highlightP99Ms: percentile(highlightTimes, 99),
    logMb: log.length / 1e6,
    logLines: log.split('\n').length - 1,
    logOccurrences: occurrences,
    logAnalysisMs: logAnalysis,
    logBareRegexMs: logBare,
    logAnalysisRatio: logAnalysis / logBare,
    logValidationMs: logValidation,
    serviceHoverP50Ms: percentile(inProcessHover, 50),
    serviceHoverP99Ms: percentile(inProcessHover, 99),
    treeMb: tree.reduce((n, file) => n + file.text.length, 0) / 1e6,
    treeFiles: tree.length,
    treeOccurrences,
    treeAnalysisMs: treeAnalysis,
    treeBareRegexMs: treeBare,
    treeAnalysisRatio: treeAnalysis / treeBare,
    ...protocol,
    scanGrowthOn4xText: growth,
  };
  console.log(JSON.stringify(figures, (_, value) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value), 2));

  const f = figures as typeof figures & Record<string, number>;
  const ms = (value: number, digits = 0) => `${value.toFixed(digits)} ms`;
  const mb = (value: number) => `${value.toFixed(0)} MB`;
  const pair = (server: number, floor: number, unit: (value: number) => string) => `${unit(server)} / ${unit(floor)}`;
  const rows: [string, string, string, string, boolean][] = [
    ['analysis of the 20 MB log', pair(logAnalysis, logBare, ms), 'bare RegExp pass', `${f.logAnalysisRatio.toFixed(2)}x (<= 2x)`, f.logAnalysisRatio <= 2],
    ['analysis of the 5 MB source tree', pair(treeAnalysis, treeBare, ms), 'bare RegExp pass', `${f.treeAnalysisRatio.toFixed(2)}x (<= 2x)`, f.treeAnalysisRatio <= 2],
    ['didOpen to pushed diagnostics, 20 MB log (best)', pair(f.serverPushOpenMs, f.floorPushOpenMs, ms), 'protocol floor', `${f.pushOpenRatio.toFixed(2)}x (<= 1.25x)`, f.pushOpenRatio <= 1.25],
    ['didOpen to pulled diagnostics, 20 MB log (best)', pair(f.serverPullOpenMs, f.floorPullOpenMs, ms), 'protocol floor', `${f.pullOpenRatio.toFixed(2)}x (<= 1.25x)`, f.pullOpenRatio <= 1.25],
    ['the same in server processor time (push / pull, best)', `${pair(f.serverPushOpenCpuMs, f.floorPushOpenCpuMs, ms)}, ${pair(f.serverPullOpenCpuMs, f.floorPullOpenCpuMs, ms)}`, 'protocol floor', `${f.pushOpenCpuRatio.toFixed(2)}x / ${f.pullOpenCpuRatio.toFixed(2)}x (<= 1.25x)`, Math.max(f.pushOpenCpuRatio, f.pullOpenCpuRatio) <= 1.25],
    ['RSS with the 20 MB log open (best)', pair(f.serverRssAfterOpenMb, f.floorRssAfterOpenMb, mb), 'protocol floor', `+${(f.serverRssAfterOpenMb - f.floorRssAfterOpenMb).toFixed(0)} MB (<= +40 MB)`, f.serverRssAfterOpenMb - f.floorRssAfterOpenMb <= 40],
    ['RSS after 30 edits and 2,000 requests (best)', pair(f.serverRssAfterWorkMb, f.floorRssAfterWorkMb, mb), 'protocol floor', `+${(f.serverRssAfterWorkMb - f.floorRssAfterWorkMb).toFixed(0)} MB (<= +40 MB)`, f.serverRssAfterWorkMb - f.floorRssAfterWorkMb <= 40],
    ['edit to pulled diagnostics, 20 MB log (p99)', pair(f.serverPullEditP99Ms, f.serverPullLineEditP99Ms, (v) => ms(v, 1)), 'same edit, one-line document', `+${(f.serverPullEditP99Ms - f.serverPullLineEditP99Ms).toFixed(1)} ms (<= +16 ms)`, f.serverPullEditP99Ms - f.serverPullLineEditP99Ms <= 16],
    ['edit to pushed diagnostics, 20 MB log (p99)', pair(f.serverPushEditP99Ms, f.serverPushLineEditP99Ms, (v) => ms(v, 1)), 'same edit, one-line document', `+${(f.serverPushEditP99Ms - f.serverPushLineEditP99Ms).toFixed(1)} ms (<= +16 ms)`, f.serverPushEditP99Ms - f.serverPushLineEditP99Ms <= 16],
    ['server processor time per edit, 20 MB log (median)', pair(f.serverEditCpuMs, f.serverLineEditCpuMs, (v) => ms(v, 2)), 'same edit, one-line document', `+${(f.serverEditCpuMs - f.serverLineEditCpuMs).toFixed(2)} ms`, true],
    ['hover over stdio, 20 MB log open (p99)', pair(f.serverHoverP99Ms, f.floorHoverP99Ms, (v) => ms(v, 2)), 'protocol floor (null answer)', '<= 2 ms', f.serverHoverP99Ms <= 2],
    ['semantic tokens of 60 lines over stdio, 20 MB log open (p99)', pair(f.semanticRangeP99Ms, f.serverHoverP99Ms, (v) => ms(v, 2)), 'hover in the same runs', '<= 2 ms', f.semanticRangeP99Ms <= 2],
    ['semantic tokens of the whole 20 MB log, then a delta after an edit (median)', `${ms(f.semanticFullMs)} / ${ms(f.semanticDeltaMs)}`, '-', '-', true],
    ['completion over stdio, 20 MB log open (p99)', pair(f.serverCompletionP99Ms, f.floorCompletionP99Ms, (v) => ms(v, 2)), 'protocol floor (null answer)', '<= 2 ms', f.serverCompletionP99Ms <= 2],
    ['server processor time per hover or completion (mean)', pair(f.serverRequestCpuMs, f.floorRequestCpuMs, (v) => ms(v, 3)), 'protocol floor (null answer)', '-', true],
    ['hover in the language service (p99)', ms(f.serviceHoverP99Ms, 3), '-', '<= 2 ms', f.serviceHoverP99Ms <= 2],
    ['Outline of a 100,000-line Postfix log (index and symbols; wall / CPU)', pair(outlineMs, outlineCpuMs, ms), '-', '<= 1,000 ms', outlineMs <= 1000],
    ['highlights of a queue ID, index built (p99)', ms(f.highlightP99Ms, 3), '-', '<= 2 ms', f.highlightP99Ms <= 2],
    ['scan time on 4x a pathological line (worst of 7 lines)', `${Math.max(...Object.values(growth)).toFixed(1)}x`, 'the same line, once', '~4x when linear (< 8x)', Math.max(...Object.values(growth)) < 8],
  ];
  console.log('\n| figure | this server / floor | floor | ratio or difference (target) | met |\n| --- | --- | --- | --- | --- |');
  for (const [name, measured, floor, target, met] of rows) console.log(`| ${name} | ${measured} | ${floor} | ${target} | ${met ? 'yes' : 'NO'} |`);
}

const SERVERS = { floor: path.join(__dirname, 'floorServer.js'), server: SERVER } as const;
type ServerName = keyof typeof SERVERS;

interface SessionFigures {
  openMs: number;
  /** Processor time the server spent from the didOpen to the diagnostics (wall time on a shared machine also counts waiting). */
  openCpuMs: number;
  rssAfterOpenMb: number;
  heapAfterOpenMb: number;
  logEdits: number[];
  lineEdits: number[];
  logEditCpuMs: number[];
  lineEditCpuMs: number[];
  hovers: number[];
  completions: number[];
  /** The real server only: semantic tokens of one screen (60 lines) at places all over the log, and of the whole log, then a delta. */
  semanticRanges: number[];
  semanticFullMs: number;
  semanticDeltaMs: number;
  requestsCpuMs: number;
  rssAfterWorkMb: number;
  heapAfterWorkMb: number;
  diagnostics: number;
}

const LOG_URI = 'file:///var/log/mail.log';
const LINE_URI = 'file:///var/log/one-line.log';
const ONE_LINE = 'Nov 28 10:00:01 mx1 postfix/smtp[2001]: 1A2B3C4D5E: to=<user@example.net>, dsn=5.1.1, status=bounced\n';

/** One server process: the 20 MB log opened, 30 edits of it and of a one-line log, then 2,000 requests in pull mode. */
async function measureSession(server: ServerName, pullDiagnostics: boolean, log: string, middle: number, hoverAt: { line: number; character: number }): Promise<SessionFigures> {
  const session = await LspSession.start({ pullDiagnostics, settings: {}, nodeOptions: ['--expose-gc', ...serverNodeOptions(server)], server: SERVERS[server] });
  const status = (collectGarbage = true) => session.connection.sendRequest<ServerStatus>(SERVER_STATUS_REQUEST, { collectGarbage });
  const cpu = async () => (await status(false)).cpuMs ?? NaN;
  await status();
  let cpuStart = await cpu();
  let start = now();
  await session.open(LOG_URI, log, 'log');
  const first = await session.diagnostics(LOG_URI);
  const openMs = now() - start;
  const openCpuMs = (await cpu()) - cpuStart;
  const opened = (await status()).memory;
  await session.open(LINE_URI, ONE_LINE, 'log');
  await session.diagnostics(LINE_URI);

  const logEdits: number[] = [];
  const lineEdits: number[] = [];
  const logEditCpuMs: number[] = [];
  const lineEditCpuMs: number[] = [];
  (globalThis as { gc?: () => void }).gc?.();
  for (let edit = 0; edit < 30; edit++) {
    if (!pullDiagnostics) await new Promise((resolve) => setTimeout(resolve, 120)); // let the push throttle go quiet
    for (const [uri, line, times, cpuTimes] of [[LOG_URI, middle + edit, logEdits, logEditCpuMs], [LINE_URI, 0, lineEdits, lineEditCpuMs]] as const) {
      cpuStart = await cpu();
      start = now();
      await session.change(uri, { range: { start: { line, character: 20 }, end: { line, character: 21 } }, text: String(edit % 10) });
      await session.diagnostics(uri);
      times.push(now() - start);
      cpuTimes.push((await cpu()) - cpuStart);
    }
  }

  const hovers: number[] = [];
  const completions: number[] = [];
  let requestsCpuMs = NaN;
  if (pullDiagnostics) {
    // Both processes start settled, so that neither's leftover garbage lands in the measurement.
    (globalThis as { gc?: () => void }).gc?.();
    await status();
    cpuStart = await cpu();
    for (let i = 0; i < 1000; i++) {
      start = now();
      await session.hover(LOG_URI, hoverAt);
      hovers.push(now() - start);
      start = now();
      await session.completion(LOG_URI, hoverAt);
      completions.push(now() - start);
    }
    requestsCpuMs = (await cpu()) - cpuStart;
  }
  const worked = (await status()).memory;
  const semanticRanges: number[] = [];
  let semanticFullMs = NaN;
  let semanticDeltaMs = NaN;
  if (pullDiagnostics && server === 'server') {
    const lineCount = log.split('\n').length;
    for (let i = 0; i < 1000; i++) {
      const top = (i * 7919) % (lineCount - 60);
      start = now();
      await session.semanticTokens(LOG_URI, { start: { line: top, character: 0 }, end: { line: top + 60, character: 0 } });
      semanticRanges.push(now() - start);
    }
    start = now();
    const full = await session.semanticTokens(LOG_URI);
    semanticFullMs = now() - start;
    await session.change(LOG_URI, { range: { start: { line: middle, character: 20 }, end: { line: middle, character: 21 } }, text: '7' });
    start = now();
    await session.semanticTokensDelta(LOG_URI, full.resultId!);
    semanticDeltaMs = now() - start;
  }
  await session.stop();
  return {
    openMs, openCpuMs, rssAfterOpenMb: opened.rss / 1e6, heapAfterOpenMb: opened.heapUsed / 1e6, logEdits, lineEdits, logEditCpuMs, lineEditCpuMs,
    hovers, completions, semanticRanges, semanticFullMs, semanticDeltaMs, requestsCpuMs, rssAfterWorkMb: worked.rss / 1e6, heapAfterWorkMb: worked.heapUsed / 1e6, diagnostics: first.length,
  };
}

/** `npm run bench -- --cpu-prof` profiles the real server's processes into bench-profiles/. */
function serverNodeOptions(server: ServerName): string[] {
  return server === 'server' && process.argv.includes('--cpu-prof') ? ['--cpu-prof', '--cpu-prof-dir=bench-profiles'] : [];
}

/** The real server and the protocol floor, alternately on the same log, ROUNDS times each in push and in pull mode. */
async function protocolFigures(log: string): Promise<Record<string, number>> {
  const lines = log.split('\n');
  const middle = Math.floor(lines.length / 2);
  const hoverAt = { line: middle, character: lines[middle].search(/\d\.\d{1,3}\.\d{1,3}/) + 1 };
  const runs: Record<string, SessionFigures[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const pullDiagnostics of [false, true]) {
      const order: ServerName[] = round % 2 === 0 ? ['floor', 'server'] : ['server', 'floor'];
      for (const server of order) {
        const key = `${server}${pullDiagnostics ? 'Pull' : 'Push'}`;
        (runs[key] ??= []).push(await measureSession(server, pullDiagnostics, log, middle, hoverAt));
      }
    }
  }
  const figures: Record<string, number> = {};
  const best = (values: number[]) => Math.min(...values);
  for (const server of ['floor', 'server'] as const) {
    const push = runs[`${server}Push`];
    const pull = runs[`${server}Pull`];
    const all = <K extends keyof SessionFigures>(list: SessionFigures[], key: K) => list.flatMap((run) => run[key] as number[]);
    Object.assign(figures, {
      [`${server}PushOpenMs`]: best(push.map((run) => run.openMs)),
      [`${server}PushOpenCpuMs`]: best(push.map((run) => run.openCpuMs)),
      [`${server}PullOpenCpuMs`]: best(pull.map((run) => run.openCpuMs)),
      [`${server}EditCpuMs`]: median([...push, ...pull].flatMap((run) => run.logEditCpuMs)),
      [`${server}LineEditCpuMs`]: median([...push, ...pull].flatMap((run) => run.lineEditCpuMs)),
      [`${server}RequestCpuMs`]: best(pull.map((run) => run.requestsCpuMs)) / 2000,
      [`${server}PullOpenMs`]: best(pull.map((run) => run.openMs)),
      [`${server}RssAfterOpenMb`]: best([...push, ...pull].map((run) => run.rssAfterOpenMb)),
      [`${server}HeapAfterOpenMb`]: best([...push, ...pull].map((run) => run.heapAfterOpenMb)),
      [`${server}RssAfterWorkMb`]: best(pull.map((run) => run.rssAfterWorkMb)),
      [`${server}HeapAfterWorkMb`]: best(pull.map((run) => run.heapAfterWorkMb)),
      [`${server}PushEditP50Ms`]: percentile(all(push, 'logEdits'), 50),
      [`${server}PushEditP99Ms`]: percentile(all(push, 'logEdits'), 99),
      [`${server}PushLineEditP99Ms`]: percentile(all(push, 'lineEdits'), 99),
      [`${server}PullEditP50Ms`]: percentile(all(pull, 'logEdits'), 50),
      [`${server}PullEditP99Ms`]: percentile(all(pull, 'logEdits'), 99),
      [`${server}PullLineEditP99Ms`]: percentile(all(pull, 'lineEdits'), 99),
      [`${server}HoverP50Ms`]: percentile(all(pull, 'hovers'), 50),
      [`${server}HoverP99Ms`]: percentile(all(pull, 'hovers'), 99),
      [`${server}CompletionP50Ms`]: percentile(all(pull, 'completions'), 50),
      [`${server}CompletionP99Ms`]: percentile(all(pull, 'completions'), 99),
      [`${server}Diagnostics`]: pull[0].diagnostics,
    });
  }
  const serverPull = runs.serverPull;
  figures.semanticRangeP50Ms = percentile(serverPull.flatMap((run) => run.semanticRanges), 50);
  figures.semanticRangeP99Ms = percentile(serverPull.flatMap((run) => run.semanticRanges), 99);
  figures.semanticFullMs = median(serverPull.map((run) => run.semanticFullMs));
  figures.semanticDeltaMs = median(serverPull.map((run) => run.semanticDeltaMs));
  figures.pushOpenRatio = figures.serverPushOpenMs / figures.floorPushOpenMs;
  figures.pushOpenCpuRatio = figures.serverPushOpenCpuMs / figures.floorPushOpenCpuMs;
  figures.pullOpenCpuRatio = figures.serverPullOpenCpuMs / figures.floorPullOpenCpuMs;
  figures.pullOpenRatio = figures.serverPullOpenMs / figures.floorPullOpenMs;
  return figures;
}

(process.argv[2] === 'summary' ? summaryBench() : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
