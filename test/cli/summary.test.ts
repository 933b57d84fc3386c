import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { postfixLog, type GeneratedCounts } from '../bench/generate';
import { FIXTURES } from '../support/paths';
import { CLI, commandInProcess } from './cliProcess';

/** The command in this process; only reading standard input needs a process of its own. */
const run = (args: string[], cwd: string) => commandInProcess(['summary', ...args], cwd);

describe('smtp-status-codes summary', () => {
  let dir: string;
  let whole: string;
  const truth: GeneratedCounts = { received: 0, delivered: 0, deferred: 0, deferrals: 0, bounced: 0, rejected: 0 };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-summary-'));
    const log = postfixLog(truth);
    const postfix: string[] = [];
    while (postfix.length < 30_000) postfix.push(...log.next().value!);
    // Rotation cuts through the middle of messages: a deferral in one file, its retry and removal in the next.
    const thirds = [postfix.slice(0, 10_000), postfix.slice(10_000, 20_000), postfix.slice(20_000)];
    const exim = fs.readFileSync(path.join(FIXTURES, 'messages', 'exim_mainlog'), 'utf8');
    const sendmail = fs.readFileSync(path.join(FIXTURES, 'messages', 'maillog'), 'utf8');
    const parts = [thirds[0].join('\n') + '\n' + sendmail, thirds[1].join('\n') + '\n' + exim, thirds[2].join('\n') + '\n'];
    whole = parts.join('');
    fs.writeFileSync(path.join(dir, 'all.log'), whole);
    fs.writeFileSync(path.join(dir, 'mail.log.2.gz'), gzipSync(parts[0]));
    fs.writeFileSync(path.join(dir, 'mail.log.1'), parts[1]);
    fs.writeFileSync(path.join(dir, 'mail.log'), parts[2]);
    fs.writeFileSync(path.join(dir, 'all.log.gz'), gzipSync(whole));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('plain, rotated and gzipped logs give the same counts as their concatenation, and the counts the log holds', async () => {
    const concatenated = await run(['all.log', '--format', 'json'], dir);
    assert.equal(concatenated.code, 0, concatenated.stderr);
    const rotated = await run(['mail.log.2.gz', 'mail.log.1', 'mail.log', '--format', 'json'], dir);
    assert.equal(rotated.code, 0, rotated.stderr);
    const gzipped = await run(['all.log.gz', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(rotated.stdout), JSON.parse(concatenated.stdout));
    assert.deepEqual(JSON.parse(gzipped.stdout), JSON.parse(concatenated.stdout));

    const report = JSON.parse(concatenated.stdout);
    assert.deepEqual(report.mtas.map((mta: { mta: string }) => mta.mta), ['postfix', 'exim', 'sendmail']);
    const postfix = report.mtas[0].totals;
    assert.deepEqual(
      { received: postfix.received, delivered: postfix.delivered, deferred: postfix.deferred, deferrals: postfix.deferrals, bounced: postfix.bounced, rejected: postfix.rejected },
      truth,
    );
    assert.deepEqual(report.mtas[1].totals, { received: 4, delivered: 3, forwarded: 0, deferred: 1, deferrals: 1, bounced: 1, expired: 0, rejected: 3 });
    assert.deepEqual(report.mtas[2].totals, { received: 3, delivered: 2, forwarded: 0, deferred: 1, deferrals: 1, bounced: 1, expired: 0, rejected: 2 });
    const text = await run(['all.log'], dir);
    assert.match(text.stdout, /^Exim .*\n(?: {2}\w+ +[\d,]+\n)*? {2}deferred +1 \(1 deferral\)\n/m, 'one deferral, in the singular');
    const codes = report.mtas[0].codes.map((entry: { code: string; meaning: string }) => `${entry.code} ${entry.meaning}`);
    assert.ok(codes.includes('5.1.1 Bad destination mailbox address'), codes.join('\n'));
    assert.match(report.mtas[0].rejects[0].restriction, /^reject_/);
  });

  test('a truncated .gz is a clear error with exit 2, and the counts of what was read are still printed', async () => {
    const gz = fs.readFileSync(path.join(dir, 'all.log.gz'));
    fs.writeFileSync(path.join(dir, 'cut.log.gz'), gz.subarray(0, Math.floor(gz.length * 0.6)));
    const cut = await run(['cut.log.gz', '--format', 'json'], dir);
    assert.equal(cut.code, 2);
    assert.match(cut.stderr, /^smtp-status-codes: cut\.log\.gz is a damaged or truncated gzip file \(unexpected end of file\); the summary counts the [\d,]+ complete lines read before it ended\n$/);
    const report = JSON.parse(cut.stdout);
    const read = Number(/the ([\d,]+) complete lines/.exec(cut.stderr)![1].replace(/,/g, ''));
    assert.equal(report.lines, read);
    assert.ok(read > 0 && read < whole.split('\n').length - 1, `${read} lines read`);
    assert.ok(report.mtas[0].totals.delivered > 0 && report.mtas[0].totals.delivered < truth.delivered);

    const both = await run(['cut.log.gz', 'mail.log'], dir);
    assert.equal(both.code, 2, 'the other files are still read');
    assert.match(both.stdout, /^Postfix \(/);
  });

  test('text and Markdown name each MTA with its totals, codes by class and tables', async () => {
    const text = await run(['mail.log.1'], dir);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^Postfix \([\d,]+ lines about messages, Nov {2}\d .* to Nov .*\)\n {2}received +[\d,]+\n {2}delivered +[\d,]+\n {2}deferred +[\d,]+ \([\d,]+ deferrals\)\n {2}bounced +[\d,]+\n {2}rejected +[\d,]+/);
    assert.match(text.stdout, /\n {2}5\.x\.x permanent failure: [\d,]+\n/);
    assert.match(text.stdout, /\n {4}5\.1\.1 +[\d,]+ {2}Bad destination mailbox address\n/);
    assert.match(text.stdout, /Top remote domains by bounces and deferrals:\n {4}[a-z.]+ +[\d,]+ bounced +[\d,]+ deferred {2}[45]\.\d\.\d+ ×/);
    assert.match(text.stdout, /\nExim \(15 lines about messages, 2026-11-29 10:02:11 to 2026-11-29 10:02:18\)\n/);
    assert.match(text.stdout, /acl_smtp_rcpt: relay not permitted +2/);
    const markdown = await run(['mail.log.1', '--format', 'markdown'], dir);
    assert.match(markdown.stdout, /^# Mail log summary\n\n## Postfix\n/);
    assert.match(markdown.stdout, /\n\| bounced \| [\d,]+ \|\n/);
    assert.match(markdown.stdout, /\n### Rejects by restriction\n\n\| restriction \| count \| codes \|\n/);
  });

  test('the text and Markdown reports of a Postfix log, line for line', async () => {
    const log = path.join(FIXTURES, 'messages', 'mail.log');
    for (const [format, expected] of [['text', 'mail.log.txt'], ['markdown', 'mail.log.md']]) {
      const result = await run([log, '--format', format], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, fs.readFileSync(path.join(FIXTURES, 'summary', expected), 'utf8'), format);
    }
  });

  test('--since and --until keep the lines of a time window', async () => {
    const all = JSON.parse((await run(['all.log', '--format', 'json'], dir)).stdout);
    const window = JSON.parse((await run(['all.log', '--format', 'json', '--since', '2026-11-29 10:02:13', '--until', '2026-11-29 11:00:04'], dir)).stdout);
    assert.deepEqual(window.mtas.map((mta: { mta: string }) => mta.mta), ['exim', 'sendmail']);
    assert.deepEqual(window.mtas[0].totals, { received: 3, delivered: 2, forwarded: 0, deferred: 1, deferrals: 1, bounced: 1, expired: 0, rejected: 2 });
    assert.equal(window.mtas[1].totals.received, 2, 'Sendmail lines before 11:00:04 only');
    assert.equal(window.outsideWindow + window.mtas.reduce((n: number, mta: { lines: number }) => n + mta.lines, 0),
      all.mtas.reduce((n: number, mta: { lines: number }) => n + mta.lines, 0));
  });

  test('bad usage and unreadable files exit 2 with a clear message', async () => {
    assert.match((await run([], dir)).stderr, /summary needs at least one log file/);
    assert.equal((await run(['all.log', '--since', 'yesterday'], dir)).code, 2);
    assert.match((await run(['all.log', '--since', 'yesterday'], dir)).stderr, /--since takes a date such as 2026-11-28/);
    assert.match((await run(['all.log', '--format', 'html'], dir)).stderr, /--format must be text, json or markdown/);
    const missing = await run(['nothere.log', 'mail.log'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nothere\.log: no such file/);
    assert.match(missing.stdout, /^Postfix/);
    assert.match((await run(['.'], dir)).stderr, /\. is a directory; name the log files/);
  });

  test('one line is counted in the singular', async () => {
    fs.writeFileSync(path.join(dir, 'one.log'), [
      'Nov 29 08:00:01 mx1 postfix/smtp[4242]: 3F2A1B4C5D: to=<ann@example.net>, relay=mx.example.net[192.0.2.25]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9AbC)',
      'Nov 29 09:30:00 mx1 postfix/smtp[4243]: 4A1B2C3D4E: to=<bob@example.org>, relay=mx.example.org[192.0.2.40]:25, delay=1.0, delays=0.1/0/0.4/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok)',
    ].join('\n') + '\n');
    const text = await run(['one.log', '--until', '2026-11-29T09:00:00'], dir);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^Postfix \(1 line about messages, Nov 29 08:00:01 to Nov 29 08:00:01\)$/m);
    assert.match(text.stdout, /^1 line fell outside --since\/--until\.$/m);
    const markdown = await run(['one.log', '--until', '2026-11-29T09:00:00', '--format', 'markdown'], dir);
    assert.match(markdown.stdout, /^1 line about messages, Nov 29 08:00:01 to Nov 29 08:00:01$/m);
  });

  test('- reads standard input', async () => {
    const result = spawnSync(process.execPath, [CLI, 'summary', '-', '--format', 'json'], { cwd: dir, input: fs.readFileSync(path.join(dir, 'mail.log.1')), encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.deepEqual(JSON.parse(result.stdout), JSON.parse((await run(['mail.log.1', '--format', 'json'], dir)).stdout));
  });
});
