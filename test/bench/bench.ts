/**
 * `npm run bench`: speed and memory on a 20 MB mail log and a 5 MB source tree, measured side by side in one run.
 * Prints one JSON object, then a table of each figure against its target.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalysis } from '../../server/src/analysis';
import { SERVER_STATUS_REQUEST } from '../../server/src/commands';
import { createLanguageService } from '../../server/src/languageService';
import { LspSession } from '../support/lspSession';
import { mailLog, sourceTree } from './generate';

const LOG_SIZE = 20_000_000;
const TREE_SIZE = 5_000_000;

const now = () => Number(process.hrtime.bigint()) / 1e6;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The practical floor: one pass of a bare regular expression for dotted triples over the same text. */
function barePass(text: string): number {
  const pattern = /\d\.\d{1,4}\.\d{1,4}/g;
  let count = 0;
  while (pattern.exec(text)) count++;
  return count;
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

async function main(): Promise<void> {
  const log = mailLog(LOG_SIZE);
  const tree = sourceTree(TREE_SIZE);
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

  const uri = 'file:///var/log/mail.log';
  const middle = Math.floor(log.split('\n').length / 2);
  const protocol: Record<string, number> = {};
  for (const pullDiagnostics of [false, true]) {
    const session = await LspSession.start({ pullDiagnostics, settings: {}, nodeOptions: ['--expose-gc'] });
    const mode = pullDiagnostics ? 'pull' : 'push';
    let start = now();
    await session.open(uri, log, 'log');
    const first = await session.diagnostics(uri);
    protocol[`${mode}OpenToDiagnosticsMs`] = now() - start;
    if (pullDiagnostics) {
      const opened = await session.connection.sendRequest<{ memory: NodeJS.MemoryUsage }>(SERVER_STATUS_REQUEST);
      protocol.serverRssAfterOpenMb = opened.memory.rss / 1e6;
      protocol.serverHeapAfterOpenMb = opened.memory.heapUsed / 1e6;
    }

    const editTimes: number[] = [];
    (globalThis as { gc?: () => void }).gc?.();
    for (let edit = 0; edit < 30; edit++) {
      if (!pullDiagnostics) await new Promise((resolve) => setTimeout(resolve, 120)); // let the push throttle go quiet
      start = now();
      await session.change(uri, { range: { start: { line: middle + edit, character: 20 }, end: { line: middle + edit, character: 21 } }, text: String(edit % 10) });
      await session.diagnostics(uri);
      editTimes.push(now() - start);
    }
    protocol[`${mode}EditToDiagnosticsP50Ms`] = percentile(editTimes, 50);
    protocol[`${mode}EditToDiagnosticsP99Ms`] = percentile(editTimes, 99);

    if (pullDiagnostics) {
      const hoverLine = log.split('\n', middle + 2)[middle];
      const hoverAt = { line: middle, character: hoverLine.search(/\d\.\d{1,3}\.\d{1,3}/) + 1 };
      // Both processes start settled, so that neither's leftover garbage lands in the measurement.
      (globalThis as { gc?: () => void }).gc?.();
      await session.connection.sendRequest(SERVER_STATUS_REQUEST);
      const hoverTimes: number[] = [];
      const completionTimes: number[] = [];
      for (let i = 0; i < 1000; i++) {
        start = now();
        await session.hover(uri, hoverAt);
        hoverTimes.push(now() - start);
        start = now();
        await session.completion(uri, hoverAt);
        completionTimes.push(now() - start);
      }
      protocol.hoverP50Ms = percentile(hoverTimes, 50);
      protocol.hoverP99Ms = percentile(hoverTimes, 99);
      protocol.completionP50Ms = percentile(completionTimes, 50);
      protocol.completionP99Ms = percentile(completionTimes, 99);
      // What the editor asks while scrolling: the tokens of one screen (60 lines) at places all over the log.
      const lineCount = log.split('\n').length;
      const rangeTimes: number[] = [];
      let rangeTokens = 0;
      for (let i = 0; i < 1000; i++) {
        const top = (i * 7919) % (lineCount - 60);
        start = now();
        rangeTokens += (await session.semanticTokens(uri, { start: { line: top, character: 0 }, end: { line: top + 60, character: 0 } })).data.length / 5;
        rangeTimes.push(now() - start);
      }
      protocol.semanticTokensRangeP50Ms = percentile(rangeTimes, 50);
      protocol.semanticTokensRangeP99Ms = percentile(rangeTimes, 99);
      protocol.semanticTokensPerRange = rangeTokens / 1000;
      const status = await session.connection.sendRequest<{ memory: NodeJS.MemoryUsage }>(SERVER_STATUS_REQUEST);
      protocol.serverRssAfterWorkMb = status.memory.rss / 1e6;
      protocol.serverHeapAfterWorkMb = status.memory.heapUsed / 1e6;

      start = now();
      const full = await session.semanticTokens(uri);
      protocol.semanticTokensFullMs = now() - start;
      protocol.semanticTokensFull = full.data.length / 5;
      await session.change(uri, { range: { start: { line: middle, character: 20 }, end: { line: middle, character: 21 } }, text: '7' });
      start = now();
      await session.semanticTokensDelta(uri, full.resultId!);
      protocol.semanticTokensDeltaMs = now() - start;
    }
    protocol[`${mode}Diagnostics`] = first.length;
    await session.stop();
  }

  const figures = {
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
  };
  console.log(JSON.stringify(figures, (_, value) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value), 2));

  const rssTarget = 4 * figures.logMb + 60;
  const rows: [string, string, string, boolean][] = [
    ['analysis of the 20 MB log / bare RegExp pass', `${figures.logAnalysisRatio.toFixed(2)}x (${logAnalysis.toFixed(0)} ms / ${logBare.toFixed(0)} ms)`, '<= 2x', figures.logAnalysisRatio <= 2],
    ['analysis of the 5 MB source tree / bare RegExp pass', `${figures.treeAnalysisRatio.toFixed(2)}x (${treeAnalysis.toFixed(0)} ms / ${treeBare.toFixed(0)} ms)`, '<= 2x', figures.treeAnalysisRatio <= 2],
    ['didOpen to diagnostics, 20 MB log (push)', `${protocol.pushOpenToDiagnosticsMs.toFixed(0)} ms`, '-', true],
    ['edit to diagnostics, 20 MB log (pull, p50 / p99)', `${protocol.pullEditToDiagnosticsP50Ms.toFixed(1)} / ${protocol.pullEditToDiagnosticsP99Ms.toFixed(1)} ms`, '< 50 ms', protocol.pullEditToDiagnosticsP99Ms < 50],
    ['edit to diagnostics, 20 MB log (push, p50 / p99)', `${protocol.pushEditToDiagnosticsP50Ms.toFixed(1)} / ${protocol.pushEditToDiagnosticsP99Ms.toFixed(1)} ms`, '< 50 ms', protocol.pushEditToDiagnosticsP99Ms < 50],
    ['hover in the language service (p50 / p99)', `${figures.serviceHoverP50Ms.toFixed(3)} / ${figures.serviceHoverP99Ms.toFixed(3)} ms`, 'p99 < 2 ms', figures.serviceHoverP99Ms < 2],
    ['hover over stdio, round trip (p50 / p99)', `${protocol.hoverP50Ms.toFixed(2)} / ${protocol.hoverP99Ms.toFixed(2)} ms`, 'p99 < 2 ms', protocol.hoverP99Ms < 2],
    ['semantic tokens of 60 lines over stdio (p50 / p99)', `${protocol.semanticTokensRangeP50Ms.toFixed(2)} / ${protocol.semanticTokensRangeP99Ms.toFixed(2)} ms`, 'p99 < 2 ms', protocol.semanticTokensRangeP99Ms < 2],
    ['semantic tokens of the whole log, then a delta after an edit', `${protocol.semanticTokensFullMs.toFixed(0)} ms (${protocol.semanticTokensFull} tokens) / ${protocol.semanticTokensDeltaMs.toFixed(0)} ms`, '-', true],
    ['completion over stdio (p50 / p99)', `${protocol.completionP50Ms.toFixed(2)} / ${protocol.completionP99Ms.toFixed(2)} ms`, '-', true],
    ['server memory with the 20 MB log open (RSS / heap)', `${protocol.serverRssAfterOpenMb.toFixed(0)} / ${protocol.serverHeapAfterOpenMb.toFixed(0)} MB`, `RSS < ${rssTarget.toFixed(0)} MB`, protocol.serverRssAfterOpenMb < rssTarget],
    ['the same after 30 edits and 2,000 requests (RSS / heap)', `${protocol.serverRssAfterWorkMb.toFixed(0)} / ${protocol.serverHeapAfterWorkMb.toFixed(0)} MB`, `RSS < ${rssTarget.toFixed(0)} MB`, protocol.serverRssAfterWorkMb < rssTarget],
  ];
  console.log('\n| figure | measured | target | met |\n| --- | --- | --- | --- |');
  for (const [name, measured, target, met] of rows) console.log(`| ${name} | ${measured} | ${target} | ${met ? 'yes' : 'NO'} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
