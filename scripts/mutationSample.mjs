/**
 * The overall mutation score within an afternoon: the four key files are measured whole (`npm run test:mutation -- --mutate
 * FILE`); of the rest of server/src, a seeded uniform random sample of mutants is run and the score of the whole is estimated
 * from it, with a 95% interval.
 *
 *   node scripts/mutationSample.mjs [--size 900] [--seed 1130] [--chunk 150] [--concurrency 2 (test runners)] [--report-only]
 *     [--rerun-undetected [FILE,...]] [--measure-keys [FILE,...]] [--key-report FILE ...]
 *
 * It lists every mutant without running any (Stryker's instrumenter) and draws the sample: the first `size` of a seeded
 * random order of their names (without line numbers), so that a smaller sample is the start of a larger one, and a change
 * that adds or removes mutants leaves the rest of the draw as it was. It runs Stryker on the sampled places only
 * (`--mutate file:line:column-line:column`; a checker sets aside the mutants nested inside a sampled one, which such a
 * range also takes in), `chunk` mutants a run, each run's report kept in reports/mutation/sample/runs/: a mutant that
 * already has a result from a run over the same source file is not run again, so an interrupted or enlarged sample
 * goes on where it stopped. After tests are added, `--rerun-undetected` runs the sampled mutants that survived or had no
 * coverage again (in the named source files only, if given): a killed mutant stays killed. It prints the estimate per
 * file and overall. `--measure-keys` first measures the key files (or the named ones) whole, each against the test files
 * written for it (KEY_TESTS), into reports/mutation/keys/. The key files' results come from the newest Stryker report that
 * holds each of their current mutants, among those named by --key-report (unless given: reports/mutation/mutation.json and
 * the reports of --measure-keys); a key file found in none is named as not measured.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import { mutantKey } from './mutationSampleKey.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCES = 'server/src';
const GENERATED = ['server/src/registry/iana.generated.ts'];
/**
 * The key files, each with the test files written for it: a key file is measured whole against them (--measure-keys), which
 * a run against every test file can only better, in a fraction of its time.
 */
const UNIT = (...names) => names.map((name) => `out/test/unit/${name}.test.js`);
const KEY_TESTS = {
  'server/src/scanner/scanner.ts': UNIT('recognition', 'scanner', 'corpus', 'diagnosticMessages', 'lineDocument'),
  'server/src/features/completion.ts': UNIT('completion', 'completionRanking', 'languageService', 'robustness'),
  'server/src/features/diagnostics.ts': [...UNIT('scanner', 'recognition', 'languageService', 'diagnosticMessages', 'completion', 'completionRanking', 'codeActions',
    'corpus', 'robustness', 'lineDocument', 'providers', 'messages', 'logLine', 'bounceKnowledge', 'registry', 'documentKind', 'fileKinds'), 'out/test/cli/fixLoop.test.js'],
  'server/src/cli/report.ts': ['report', 'cli', 'limits', 'fix'].map((name) => `out/test/cli/${name}.test.js`),
};
export const KEY_FILES = Object.keys(KEY_TESTS);
const KEYS_OUT = path.join(ROOT, 'reports', 'mutation', 'keys');
const keyReportFile = (fileName) => path.join(KEYS_OUT, `${path.basename(fileName, '.ts')}.json`);
const OUT = path.join(ROOT, 'reports', 'mutation', 'sample');
/** Killed and timed-out mutants count as detected; NoCoverage counts against, as in the full run's score. */
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const Z = 1.959964;
/** The reason the sample's checker gives a mutant it sets aside (scripts/mutationSampleChecker.mjs). */
const OUTSIDE = 'outside the sample';

function options(argv) {
  const parsed = { size: 900, seed: 1130, chunk: 150, concurrency: 2, reportOnly: false, rerun: undefined, keyReports: [], measureKeys: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    const count = (name) => {
      const text = value();
      if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`${name} takes a positive whole number, not ${text}`);
      return Number(text);
    };
    if (flag === '--size') parsed.size = count('--size');
    else if (flag === '--seed') parsed.seed = count('--seed');
    else if (flag === '--chunk') parsed.chunk = count('--chunk');
    else if (flag === '--concurrency') parsed.concurrency = count('--concurrency');
    else if (flag === '--report-only') parsed.reportOnly = true;
    else if (flag === '--rerun-undetected') {
      const files = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i].split(',').map((name) => path.posix.normalize(name)) : [];
      parsed.rerun = (fileName) => files.length === 0 || files.includes(fileName);
    }
    else if (flag === '--key-report') parsed.keyReports.push(value());
    else if (flag === '--measure-keys') {
      const files = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i].split(',').map((name) => path.posix.normalize(name)) : KEY_FILES;
      const unknown = files.filter((name) => !KEY_FILES.includes(name));
      if (unknown.length) throw new Error(`--measure-keys takes key files (${KEY_FILES.join(', ')}), not ${unknown.join(', ')}`);
      parsed.measureKeys = files;
    }
    else throw new Error(`unknown option ${flag}; options: --size N, --seed N, --chunk N, --concurrency N, --report-only, --rerun-undetected [FILE,...], --measure-keys [FILE,...], --key-report FILE`);
  }
  if (parsed.keyReports.length === 0) parsed.keyReports.push('reports/mutation/mutation.json', ...KEY_FILES.map((fileName) => path.relative(ROOT, keyReportFile(fileName))));
  return parsed;
}

const quiet = { isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => true, isErrorEnabled: () => true, isFatalEnabled: () => true,
  trace() {}, debug() {}, info() {}, warn: (message) => console.warn(message), error: (message) => console.error(message), fatal: (message) => console.error(message) };

/**
 * Every mutant Stryker would make in server/src, the generated table aside, the ones disabled in the source left out; each
 * with a name that edits elsewhere leave alone (see stableName).
 */
async function listMutants() {
  const files = fs.readdirSync(path.join(ROOT, SOURCES), { recursive: true })
    .map((name) => path.posix.join(SOURCES, name.split(path.sep).join('/')))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !GENERATED.includes(name))
    .sort();
  const contents = new Map(files.map((name) => [name, fs.readFileSync(path.join(ROOT, name), 'utf8')]));
  const instrumenter = new Instrumenter(quiet);
  const result = await instrumenter.instrument(
    files.map((name) => ({ name, content: contents.get(name), mutate: true })),
    { plugins: null, excludedMutations: [], ignorers: [], noHeader: false },
  );
  const seen = new Map();
  return result.mutants.filter((mutant) => mutant.status !== 'Ignored')
    .map(({ fileName, location, mutatorName, replacement }) => {
      const name = stableName(fileName, mutatorName, replacement, codeAt(contents.get(fileName), location), seen);
      return { fileName, location, mutatorName, replacement, name };
    });
}

/** The text at a mutant's location (0-based lines and columns). */
function codeAt(content, { start, end }) {
  const lines = content.split('\n');
  if (start.line === end.line) return lines[start.line].slice(start.column, end.column);
  return [lines[start.line].slice(start.column), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.column)].join('\n');
}

/**
 * A mutant's file, mutator, replacement and the code it replaces, and which of the identical ones in its file it is: no
 * line number, so that an edit elsewhere in the file does not rename it, and the draw (see sample) keeps it.
 */
function stableName(fileName, mutatorName, replacement, original, seen) {
  const base = [fileName, mutatorName, replacement, original].join('\0');
  const nth = (seen.get(base) ?? 0) + 1;
  seen.set(base, nth);
  return `${base}\0${nth}`;
}

/**
 * `size` of `items`, each equally likely: the items ranked by a seeded hash of their stable names, lowest first. Each item's
 * rank depends on its own name only, so a smaller sample is the start of a larger one, and a change that adds or removes
 * mutants leaves the others where they were: only a new mutant that ranks among the first `size` joins the sample.
 */
function sample(items, size, seed) {
  const rank = (item) => createHash('sha256').update(`${seed}\0${item.name}`).digest('hex');
  return items.map((item) => ({ item, rank: rank(item) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .slice(0, size)
    .map(({ item }) => item);
}

/** A Stryker range: 1-based lines, columns as Stryker's positions count them. */
const range = ({ fileName, location: { start, end } }) => `${fileName}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`;

function runStryker(sampleFile, mutants, settings, reportFile) {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'stryker.config.json'), 'utf8'));
  delete config.$schema;
  Object.assign(config, {
    mutate: [...new Set(mutants.map(range))],
    plugins: [...config.plugins, path.join(ROOT, 'scripts', 'mutationSampleChecker.mjs')],
    checkers: ['mutation-sample'],
    // With a checker, Stryker gives half of its concurrency to checker processes: twice as much keeps `concurrency` test runners.
    concurrency: settings.concurrency * 2,
    // The runs' reports are this script's own incremental record (see readRuns).
    incremental: false,
    reporters: ['progress', 'json'],
    jsonReporter: { fileName: path.relative(ROOT, reportFile) },
  });
  const configFile = path.join(OUT, 'stryker.config.json');
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  const stryker = path.join(ROOT, 'node_modules', '.bin', 'stryker');
  const chunkFile = path.join(OUT, 'chunk.json');
  fs.writeFileSync(chunkFile, JSON.stringify({ mutants }));
  const result = spawnSync(stryker, ['run', configFile], {
    cwd: ROOT, stdio: 'inherit',
    env: { ...process.env, MUTATION_SAMPLE: chunkFile, MUTATION_SAMPLE_ROOT: ROOT, SMTP_LSP_IN_PROCESS: '1' },
  });
  if (result.status !== 0) throw new Error(`stryker ended with ${result.error?.message ?? `exit code ${result.status}`}`);
}

/** Runs Stryker on the whole of a key file against its own test files; incremental, so a re-run tests only what changed. */
function measureKeyFile(fileName, settings) {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'stryker.config.json'), 'utf8'));
  delete config.$schema;
  const report = keyReportFile(fileName);
  Object.assign(config, {
    mutate: [fileName],
    tap: { ...config.tap, testFiles: KEY_TESTS[fileName] },
    concurrency: settings.concurrency,
    incrementalFile: path.relative(ROOT, report.replace(/\.json$/, '-incremental.json')),
    reporters: ['progress', 'json'],
    jsonReporter: { fileName: path.relative(ROOT, report) },
  });
  delete config.htmlReporter;
  fs.mkdirSync(KEYS_OUT, { recursive: true });
  const configFile = report.replace(/\.json$/, '.config.json');
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  console.log(`Measuring ${fileName} against ${KEY_TESTS[fileName].length} test files (${path.relative(ROOT, report)}).`);
  const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'stryker'), ['run', configFile], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, SMTP_LSP_IN_PROCESS: '1' },
  });
  if (result.status !== 0) throw new Error(`stryker ended with ${result.error?.message ?? `exit code ${result.status}`} on ${fileName}`);
}

/** The statuses in a Stryker JSON report, by mutant key (its positions are 1-based; the keys are 0-based). */
function readReport(file) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const statuses = new Map();
  const files = new Set();
  const sources = new Map();
  for (const [name, { mutants, source }] of Object.entries(report.files)) {
    const fileName = path.relative(ROOT, path.resolve(ROOT, name)).split(path.sep).join('/');
    files.add(fileName);
    sources.set(fileName, source);
    for (const mutant of mutants) {
      const location = {
        start: { line: mutant.location.start.line - 1, column: mutant.location.start.column - 1 },
        end: { line: mutant.location.end.line - 1, column: mutant.location.end.column - 1 },
      };
      statuses.set(mutantKey({ fileName, location, mutatorName: mutant.mutatorName, replacement: mutant.replacement }), { status: mutant.status, reason: mutant.statusReason, fileName });
    }
  }
  return { statuses, files, sources, time: fs.statSync(file).mtimeMs };
}

/** The results of earlier runs for mutants of files whose source has not changed since; a newer run's result wins. */
function readRuns(runsDir) {
  const results = new Map();
  const current = new Map();
  const runs = fs.existsSync(runsDir) ? fs.readdirSync(runsDir).filter((name) => name.endsWith('.json')).sort() : [];
  for (const name of runs) {
    const report = readReport(path.join(runsDir, name));
    for (const [key, result] of report.statuses) {
      if (!current.has(result.fileName)) current.set(result.fileName, fs.readFileSync(path.join(ROOT, result.fileName), 'utf8'));
      if (report.sources.get(result.fileName) === current.get(result.fileName) && result.reason !== OUTSIDE) results.set(key, result.status);
    }
  }
  return results;
}

/** Wilson's 95% interval for `detected` of `n` drawn from `population`, narrowed by the finite-population correction. */
function interval(detected, n, population) {
  if (n === 0) return [0, 1];
  const correction = population > 1 ? (population - n) / (population - 1) : 0;
  if (correction === 0) return [detected / n, detected / n];
  const effective = n / correction;
  const p = detected / n;
  const centre = (p + (Z * Z) / (2 * effective)) / (1 + (Z * Z) / effective);
  const half = (Z / (1 + (Z * Z) / effective)) * Math.sqrt((p * (1 - p)) / effective + (Z * Z) / (4 * effective * effective));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const percent = (value) => `${(100 * value).toFixed(1)}%`;
const count = (value) => value.toLocaleString('en-US');

function tally(statuses) {
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 };
  for (const status of statuses) counts[status in counts ? status : 'other']++;
  return { ...counts, detected: counts.Killed + counts.Timeout, valid: counts.Killed + counts.Timeout + counts.Survived + counts.NoCoverage };
}

function printEstimate(population, drawn, settings) {
  const byFile = new Map();
  for (const mutant of population) {
    const entry = byFile.get(mutant.fileName) ?? { mutants: 0, statuses: [] };
    entry.mutants++;
    byFile.set(mutant.fileName, entry);
  }
  for (const { fileName, status } of drawn) byFile.get(fileName).statuses.push(status);

  const rows = [];
  for (const [fileName, { mutants, statuses }] of byFile) {
    const counts = tally(statuses);
    const [low, high] = interval(counts.detected, counts.valid, mutants);
    rows.push({ fileName, mutants, counts, score: counts.valid ? counts.detected / counts.valid : undefined, low, high });
  }
  rows.sort((a, b) => b.mutants - a.mutants);
  console.log(`\nSample of ${count(drawn.length)} mutants (seed ${settings.seed}) from the ${count(population.length)} of server/src outside the key files:\n`);
  console.log('| file | mutants | sampled | killed | timed out | survived | no coverage | estimated score (95% interval) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { fileName, mutants, counts, score, low, high } of rows) {
    const estimate = score === undefined ? 'not sampled' : `${percent(score)} (${percent(low)}–${percent(high)})`;
    console.log(`| \`${fileName.slice(SOURCES.length + 1)}\` | ${count(mutants)} | ${counts.valid} | ${counts.Killed} | ${counts.Timeout} | ${counts.Survived} | ${counts.NoCoverage} | ${estimate} |`);
  }
  const all = tally(drawn.map(({ status }) => status));
  if (all.other) console.log(`\n${all.other} sampled mutants ended neither detected nor undetected (a compile or run-time error): left out.`);
  if (all.valid === 0) {
    console.log('\nNo sampled mutant has a result yet: no estimate.');
    return undefined;
  }
  const share = all.detected / all.valid;
  const [low, high] = interval(all.detected, all.valid, population.length);
  console.log(`\nOutside the key files: ${percent(share)} (95% interval ${percent(low)}–${percent(high)}), ${all.detected} of ${all.valid} sampled mutants detected.`);
  const below = rows.filter((row) => row.score !== undefined && row.score < 0.8 && row.counts.valid >= 5);
  console.log(`Below 80% in the sample (5 or more sampled): ${below.map((row) => `${row.fileName.slice(SOURCES.length + 1)} ${row.counts.detected}/${row.counts.valid}`).join(', ') || 'none'}.`);
  return { mutants: population.length, share, low, high };
}

function printKeyFiles(keyMutants, reports, rest) {
  console.log('\nKey files, measured whole:\n');
  console.log('| file | mutants | killed | timed out | survived | no coverage | score | report |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  let detected = 0;
  let valid = 0;
  const missing = [];
  for (const fileName of KEY_FILES) {
    const mutants = keyMutants.filter((mutant) => mutant.fileName === fileName);
    // The newest report that holds the file, and holds each of its current mutants.
    const report = reports.filter((candidate) => candidate.files.has(fileName)).sort((a, b) => b.time - a.time)[0];
    const statuses = report && mutants.map((mutant) => report.statuses.get(mutantKey(mutant))?.status);
    if (!report || statuses.some((status) => status === undefined)) {
      const absent = statuses ? statuses.filter((status) => status === undefined).length : mutants.length;
      console.log(`| \`${fileName.slice(SOURCES.length + 1)}\` | ${count(mutants.length)} | | | | | not measured (${count(absent)} mutants without a result) | |`);
      missing.push(fileName);
      continue;
    }
    const counts = tally(statuses);
    detected += counts.detected;
    valid += counts.valid;
    console.log(`| \`${fileName.slice(SOURCES.length + 1)}\` | ${count(mutants.length)} | ${counts.Killed} | ${counts.Timeout} | ${counts.Survived} | ${counts.NoCoverage} | ${percent(counts.detected / counts.valid)} | ${report.file} |`);
  }
  if (!rest) {
    console.log('\nNo overall figure: the sample has no results yet.');
    return;
  }
  if (missing.length) {
    console.log(`\nNo overall figure: ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no full result (--measure-keys ${missing.join(',')}).`);
    return;
  }
  // The key files' exact counts, and the rest of server/src as the sample estimates it, weighted by mutant counts.
  const total = valid + rest.mutants;
  const at = (share) => (detected + share * rest.mutants) / total;
  console.log(`\nOverall, server/src: ${percent(at(rest.share))} (95% interval ${percent(at(rest.low))}–${percent(at(rest.high))}) over ${count(total)} mutants:`
    + ` the key files' ${count(valid)} measured, the other ${count(rest.mutants)} estimated from the sample.`);
}

async function main() {
  const settings = options(process.argv.slice(2));
  const runsDir = path.join(OUT, 'runs');
  fs.mkdirSync(runsDir, { recursive: true });
  const everything = await listMutants();
  const keyMutants = everything.filter((mutant) => KEY_FILES.includes(mutant.fileName));
  const population = everything.filter((mutant) => !KEY_FILES.includes(mutant.fileName));
  const chosen = sample(population, settings.size, settings.seed);
  const sampleFile = path.join(OUT, `sample-${settings.seed}-${settings.size}.json`);
  fs.writeFileSync(sampleFile, JSON.stringify({ seed: settings.seed, size: settings.size, population: population.length, mutants: chosen }, null, 1));
  console.log(`${count(everything.length)} mutants in server/src: ${count(keyMutants.length)} in the key files, a sample of ${count(chosen.length)} of the other ${count(population.length)} (${path.relative(ROOT, sampleFile)}).`);

  if (!settings.reportOnly) for (const fileName of settings.measureKeys) measureKeyFile(fileName, settings);
  let results = readRuns(runsDir);
  if (!settings.reportOnly) {
    const again = (mutant) => settings.rerun?.(mutant.fileName) && UNDETECTED.has(results.get(mutantKey(mutant)));
    const waiting = chosen.filter((mutant) => !results.has(mutantKey(mutant)) || again(mutant));
    console.log(`${count(chosen.length - waiting.length)} of them have a result from an earlier run; ${count(waiting.length)} to run, ${settings.chunk} a run.`);
    for (let start = 0; start < waiting.length; start += settings.chunk) {
      const chunk = waiting.slice(start, start + settings.chunk);
      const reportFile = path.join(runsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
      runStryker(sampleFile, chunk, settings, reportFile);
      console.log(`${count(Math.min(start + settings.chunk, waiting.length))} of ${count(waiting.length)} run.`);
    }
    results = readRuns(runsDir);
  }
  // The first n of the draw are a uniform sample of n: while some have no result, the estimate is over those before the first gap.
  const leading = [];
  for (const mutant of chosen) {
    const status = results.get(mutantKey(mutant));
    if (status === undefined) break;
    leading.push({ ...mutant, status });
  }
  if (leading.length < chosen.length) console.log(`Only the first ${count(leading.length)} of the ${count(chosen.length)} drawn have results: the estimate is over them.`);
  fs.writeFileSync(path.join(OUT, 'survivors.txt'), leading.filter(({ status }) => UNDETECTED.has(status))
    .sort((a, b) => a.fileName.localeCompare(b.fileName) || a.location.start.line - b.location.start.line)
    .map((mutant) => `${mutant.fileName}:${mutant.location.start.line + 1}:${mutant.location.start.column + 1} ${mutant.status} ${mutant.mutatorName} ${JSON.stringify(mutant.replacement)}`).join('\n') + '\n');
  const rest = printEstimate(population, leading, settings);

  const reports = settings.keyReports.filter((file) => fs.existsSync(path.resolve(ROOT, file))).map((file) => ({ ...readReport(path.resolve(ROOT, file)), file }));
  printKeyFiles(keyMutants, reports, rest);
  console.log(`\nSurviving sampled mutants: ${path.relative(ROOT, path.join(OUT, 'survivors.txt'))}; each run's report: ${path.relative(ROOT, runsDir)}.`);
}

main().catch((error) => {
  console.error(`mutationSample: ${error.message}`);
  process.exitCode = 2;
});
