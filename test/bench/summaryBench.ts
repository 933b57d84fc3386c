/**
 * `npm run bench -- summary`: `smtp-status-codes summary` beside pflogsumm on a generated Postfix log of at least 1 GB, and
 * beside eximstats on a generated Exim log, run one after the other on the same files; throughput, peak memory, and whether
 * the counts both print agree. SUMMARY_BENCH_MB sets the Postfix log's size (default 1,050), SUMMARY_BENCH_EXIM_MB the Exim
 * log's (default 200). Installs the Debian packages pflogsumm and exim4-base (without its recommended MTA daemon) if missing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/paths';
import { eximLog, postfixLog, writeLog, type GeneratedCounts } from './generate';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const POSTFIX_MB = Number(process.env.SUMMARY_BENCH_MB ?? 1050);
const EXIM_MB = Number(process.env.SUMMARY_BENCH_EXIM_MB ?? 200);

interface Measured {
  wallS: number;
  cpuS: number;
  peakRssMb: number;
  stdout: string;
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** Installs a Debian package with apt-get unless `command` is already there; refuses if it would pull in an MTA daemon. */
function ensure(command: string, debianPackage: string): string | undefined {
  if (has(command)) return undefined;
  if (!has('apt-get')) return `${command} is missing and there is no apt-get to install ${debianPackage}`;
  const simulated = spawnSync('apt-get', ['-s', 'install', '--no-install-recommends', debianPackage], { encoding: 'utf8' });
  const daemons = simulated.stdout.split('\n').filter((line) => /^Inst (?:exim4-daemon|postfix|sendmail-bin|opensmtpd)\b/.test(line));
  if (daemons.length > 0) return `installing ${debianPackage} would install an MTA (${daemons.join(', ')}); install ${command} by hand`;
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const installed = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', debianPackage], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return installed.status === 0 && has(command) ? undefined : `apt-get could not install ${debianPackage}`;
}

/** Runs a command under /usr/bin/time for its CPU time and peak memory. */
function measure(command: string, args: string[]): Measured {
  const timing = path.join(os.tmpdir(), `bench-time-${process.pid}`);
  const start = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-o', timing, '-f', '%U %S %M', command, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallS = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const [user, system, maxKb] = fs.readFileSync(timing, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  fs.rmSync(timing, { force: true });
  return { wallS, cpuS: user + system, peakRssMb: maxKb / 1024, stdout: result.stdout };
}

/**
 * pflogsumm's "Grand Totals" as printed: `  53815   received`, `   6236   deferred  (10105  deferrals)`; counts over 512k
 * are printed in whole k (1,024) or m, rounded down, so `1093k`.
 */
function pflogsummTotals(output: string): Record<string, string> {
  const totals: Record<string, string> = {};
  for (const found of output.matchAll(/^ +(\d+[km]?) +(received|delivered|deferred|bounced|rejected)\b(?: +\((\d+[km]?) +deferrals\))?/gm)) {
    totals[found[2]] ??= found[1];
    if (found[3]) totals.deferrals = found[3];
  }
  return totals;
}

/** A count as pflogsumm prints it (its adj_int_units). */
function inPflogsummUnits(count: number): string {
  if (count > 512 * 1024 * 1024) return `${Math.floor(count / (1024 * 1024))}m`;
  if (count > 512 * 1024) return `${Math.floor(count / 1024)}k`;
  return String(count);
}

/**
 * eximstats' "Grand total summary": `Received  <volume> <messages> <hosts> <delayed> <%> <failed> <%>` (delayed and failed:
 * messages with at least one deferred or failed address), `Delivered <volume> <messages> <addresses> <hosts>`, `Rejects <n>`.
 */
function eximstatsTotals(output: string): Record<string, number> {
  const totals: Record<string, number> = {};
  const received = /^ *Received +\S+ +(\d+) +\d+ +(\d+) +\S+% +(\d+)/m.exec(output);
  if (received) Object.assign(totals, { received: Number(received[1]), deferred: Number(received[2]), bounced: Number(received[3]) });
  const delivered = /^ *Delivered +\S+ +\d+ +(\d+)/m.exec(output);
  if (delivered) totals.delivered = Number(delivered[1]);
  const rejects = /^ *Rejects +(\d+)/m.exec(output);
  if (rejects) totals.rejected = Number(rejects[1]);
  return totals;
}

/** A table row; the other tool's figure is compared as it prints it. */
function row(name: string, summary: number, other: string | undefined, truth: number, printed: (count: number) => string = String): string {
  const agree = summary === truth && other === printed(summary);
  return `| ${name} | ${summary} | ${other ?? '-'} | ${truth} | ${agree ? 'yes' : 'NO'} |`;
}

export async function summaryBench(): Promise<void> {
  for (const problem of [ensure('pflogsumm', 'pflogsumm'), ensure('eximstats', 'exim4-base')]) if (problem) console.error(`bench: ${problem}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-bench-'));
  try {
    const postfixFile = path.join(dir, 'mail.log');
    const postfixTruth: GeneratedCounts = { received: 0, delivered: 0, deferred: 0, deferrals: 0, bounced: 0, rejected: 0 };
    console.error(`bench: writing a ${POSTFIX_MB} MB Postfix log`);
    const postfixBytes = await writeLog(postfixFile, postfixLog(postfixTruth), POSTFIX_MB * 1e6);
    const tenthFile = path.join(dir, 'mail.log.tenth');
    await writeLog(tenthFile, postfixLog({ received: 0, delivered: 0, deferred: 0, deferrals: 0, bounced: 0, rejected: 0 }), (POSTFIX_MB * 1e6) / 10);

    console.error('bench: summary and pflogsumm on it, one after the other');
    const ours = measure(process.execPath, [CLI, 'summary', '--format', 'json', postfixFile]);
    const tenth = measure(process.execPath, [CLI, 'summary', '--format', 'json', tenthFile]);
    const pflogsumm = has('pflogsumm') ? measure('pflogsumm', [postfixFile]) : undefined;
    const totals = JSON.parse(ours.stdout).mtas.find((mta: { mta: string }) => mta.mta === 'postfix').totals;
    const theirs = pflogsumm ? pflogsummTotals(pflogsumm.stdout) : {};

    const eximFile = path.join(dir, 'exim_mainlog');
    const eximTruth: GeneratedCounts = { received: 0, delivered: 0, deferred: 0, deferrals: 0, bounced: 0, rejected: 0 };
    console.error(`bench: writing a ${EXIM_MB} MB Exim log; summary and eximstats on it`);
    const eximBytes = await writeLog(eximFile, eximLog(eximTruth), EXIM_MB * 1e6);
    const oursExim = measure(process.execPath, [CLI, 'summary', '--format', 'json', eximFile]);
    const eximstats = has('eximstats') ? measure('eximstats', ['-nr', '-t0', '-ne', eximFile]) : undefined;
    const eximTotals = JSON.parse(oursExim.stdout).mtas.find((mta: { mta: string }) => mta.mta === 'exim').totals;
    const theirsExim = eximstats ? eximstatsTotals(eximstats.stdout) : {};

    const mbps = (bytes: number, seconds: number) => bytes / 1e6 / seconds;
    const figures = {
      postfixLogMb: postfixBytes / 1e6,
      summaryWallS: ours.wallS, summaryCpuS: ours.cpuS, summaryMbPerS: mbps(postfixBytes, ours.wallS), summaryPeakRssMb: ours.peakRssMb,
      summaryTenthPeakRssMb: tenth.peakRssMb,
      pflogsummWallS: pflogsumm?.wallS, pflogsummCpuS: pflogsumm?.cpuS, pflogsummMbPerS: pflogsumm && mbps(postfixBytes, pflogsumm.wallS), pflogsummPeakRssMb: pflogsumm?.peakRssMb,
      throughputRatio: pflogsumm && pflogsumm.wallS / ours.wallS, cpuRatio: pflogsumm && pflogsumm.cpuS / ours.cpuS,
      eximLogMb: eximBytes / 1e6,
      eximSummaryWallS: oursExim.wallS, eximSummaryCpuS: oursExim.cpuS, eximSummaryPeakRssMb: oursExim.peakRssMb,
      eximstatsWallS: eximstats?.wallS, eximstatsCpuS: eximstats?.cpuS, eximstatsPeakRssMb: eximstats?.peakRssMb,
      eximThroughputRatio: eximstats && eximstats.wallS / oursExim.wallS,
    };
    console.log(JSON.stringify(figures, (_, value) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value), 2));

    console.log('\n| Postfix count | summary | pflogsumm | in the log | agree |\n| --- | --- | --- | --- | --- |');
    for (const name of ['received', 'delivered', 'deferred', 'deferrals', 'bounced', 'rejected'] as const) {
      console.log(row(name, totals[name], theirs[name], postfixTruth[name], inPflogsummUnits));
    }
    console.log('\n| Exim count | summary | eximstats | in the log | agree |\n| --- | --- | --- | --- | --- |');
    for (const name of ['received', 'delivered', 'deferred', 'bounced', 'rejected'] as const) {
      console.log(row(name, eximTotals[name], theirsExim[name] === undefined ? undefined : String(theirsExim[name]), eximTruth[name]));
    }

    const rows: [string, string, string, boolean][] = [
      [`summary / pflogsumm, ${figures.postfixLogMb.toFixed(0)} MB Postfix log (wall)`, pflogsumm ? `${figures.throughputRatio!.toFixed(1)}x (${ours.wallS.toFixed(1)} s, ${figures.summaryMbPerS.toFixed(0)} MB/s / ${pflogsumm.wallS.toFixed(1)} s, ${figures.pflogsummMbPerS!.toFixed(0)} MB/s)` : 'pflogsumm missing', '>= 5x', (figures.throughputRatio ?? 0) >= 5],
      ['the same in CPU time', pflogsumm ? `${figures.cpuRatio!.toFixed(1)}x (${ours.cpuS.toFixed(1)} s / ${pflogsumm.cpuS.toFixed(1)} s)` : '-', '-', true],
      ['summary peak RSS, full log / a tenth of it', `${ours.peakRssMb.toFixed(0)} / ${tenth.peakRssMb.toFixed(0)} MB`, 'flat (< 1.5x)', ours.peakRssMb < 1.5 * tenth.peakRssMb],
      ['pflogsumm peak RSS', pflogsumm ? `${pflogsumm.peakRssMb.toFixed(0)} MB` : '-', '-', true],
      [`summary / eximstats, ${figures.eximLogMb.toFixed(0)} MB Exim log (wall)`, eximstats ? `${figures.eximThroughputRatio!.toFixed(1)}x (${oursExim.wallS.toFixed(1)} s / ${eximstats.wallS.toFixed(1)} s)` : 'eximstats missing', '-', true],
    ];
    console.log('\n| figure | measured | target | met |\n| --- | --- | --- | --- |');
    for (const [name, measured, target, met] of rows) console.log(`| ${name} | ${measured} | ${target} | ${met ? 'yes' : 'NO'} |`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
