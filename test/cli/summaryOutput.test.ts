/**
 * What `smtp-status-codes summary` prints, line for line, on small logs written as Postfix and Exim write them: the
 * totals and tables of each format, the options, the messages of bad usage and unreadable files, standard input and
 * the progress shown on a terminal for large logs.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, mock, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { summaryCommand, SUMMARY_USAGE } from '../../server/src/cli/summary';
import { FIXTURES } from '../support/paths';
import { commandInProcess } from './cliProcess';

const RELAY_LOG = fs.readFileSync(path.join(FIXTURES, 'summary', 'relay.log'), 'utf8');
const expected = (name: string) => fs.readFileSync(path.join(FIXTURES, 'summary', name), 'utf8');

const MB = 1024 * 1024;

/** A file of `size` bytes, mostly holes (read as NUL bytes), its lines `lineLength` bytes long: a large log without the disk. */
function sparseLog(file: string, size: number, options: { lineLength?: number; head?: Buffer } = {}): void {
  const lineLength = options.lineLength ?? 64 * 1024;
  const descriptor = fs.openSync(file, 'w');
  try {
    fs.ftruncateSync(descriptor, size);
    if (options.head) fs.writeSync(descriptor, options.head, 0, options.head.length, 0);
    for (let end = lineLength - 1; end < size; end += lineLength) fs.writeSync(descriptor, '\n', end);
  } finally {
    fs.closeSync(descriptor);
  }
}

interface Captured {
  code: number;
  out: string;
  err: string;
  progress: string[];
}

/** The command with its own streams: standard input given, and a progress stream that is (or is not) a terminal. */
async function summaryWith(args: string[], cwd: string, options: { stdin?: NodeJS.ReadableStream; terminal?: boolean; onProgress?: () => void } = {}): Promise<Captured> {
  const captured: Captured = { code: -1, out: '', err: '', progress: [] };
  const progress = {
    isTTY: options.terminal ?? true,
    write: (text: string) => {
      captured.progress.push(text);
      options.onProgress?.();
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  captured.code = await summaryCommand(args, cwd, {
    out: (text) => (captured.out += `${text}\n`),
    err: (text) => (captured.err += `${text}\n`),
    progress,
    stdin: options.stdin,
  });
  return captured;
}

describe('smtp-status-codes summary output', () => {
  let dir: string;
  const run = (args: string[]) => commandInProcess(['summary', ...args], dir);

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-summary-output-'));
    fs.writeFileSync(path.join(dir, 'relay.log'), RELAY_LOG);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('text and Markdown of a relay with forwards, expiries, one deferral and long host names, line for line', async () => {
    for (const [format, file] of [['text', 'relay.log.txt'], ['markdown', 'relay.log.md']]) {
      const result = await run(['relay.log', '--format', format]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.equal(result.stdout, expected(file), format);
    }
  });

  test('JSON is the report indented by two spaces, with every count of the log', async () => {
    const result = await run(['relay.log', '--format', 'json']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^\{\n {2}"lines": 14,\n {2}"outsideWindow": 0,\n {2}"mtas": \[\n {4}\{\n {6}"mta": "postfix",\n/);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.mtas[0].totals, { received: 1, delivered: 1, forwarded: 1, deferred: 1, deferrals: 1, bounced: 6, expired: 1, rejected: 1 });
    assert.deepEqual(report.mtas[1].rejects, [{ restriction: 'acl_smtp_rcpt: relay not permitted', count: 1, codes: [] }]);
    assert.deepEqual(report.mtas[0].domains.map((row: { name: string }) => row.name), ['example.net', 'contoso.com']);
  });

  test('--top keeps the first rows of the domain, host and reject tables', async () => {
    const result = await run(['relay.log', '--top', '1']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\n {2}Top remote domains by bounces and deferrals:\n {4}example\.net {8}6 bounced {8}0 deferred {2}5\.1\.1 ×2, 5\.1\.10 ×1, 5\.2\.2 ×1, 5\.4\.1 ×1, …\n\n/);
    assert.match(result.stdout, /\n {2}Top remote hosts by bounces and deferrals:\n {4}mx\.example\.net\[192\.0\.2\.25\] {8}6 bounced {8}0 deferred {2}5\.1\.1 ×2, 5\.1\.10 ×1, 5\.2\.2 ×1, 5\.4\.1 ×1, …\n\n/);
    assert.doesNotMatch(result.stdout, /contoso/);
  });

  test('Windows line ends, a last line without one, and a character cut by the read size give the counts of the plain log', async () => {
    const plain = JSON.parse((await run(['relay.log', '--format', 'json'])).stdout);
    fs.writeFileSync(path.join(dir, 'crlf.log'), RELAY_LOG.replace(/\n/g, '\r\n'));
    fs.writeFileSync(path.join(dir, 'unfinished.log'), RELAY_LOG.slice(0, -1));
    // A first line of 65,535 bytes puts the two bytes of "é" on each side of the first 64 KiB read.
    const filler = `Nov 30 05:59:59 mx1 postfix/anvil[990]: statistics: note ${'é'.repeat(10)}`;
    const padded = filler + 'x'.repeat(64 * 1024 - Buffer.byteLength(filler) - 1) + 'é' + '\n' + RELAY_LOG;
    fs.writeFileSync(path.join(dir, 'padded.log'), padded);
    for (const file of ['crlf.log', 'unfinished.log']) {
      const result = await run([file, '--format', 'json']);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), plain, file);
    }
    const text = await run(['crlf.log']);
    assert.equal(text.stdout, expected('relay.log.txt'), 'no carriage return in any table');
    const paddedReport = JSON.parse((await run(['padded.log', '--format', 'json'])).stdout);
    assert.equal(paddedReport.lines, 15);
    assert.deepEqual(paddedReport.mtas, plain.mtas);
  });

  test('a log with no Postfix, Exim or Sendmail line says so, with the number of lines read', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `Nov 30 06:${String(i % 60).padStart(2, '0')}:00 mx1 dovecot: imap-login: Login: user=<ana@example.com>, method=PLAIN, rip=192.0.2.50, lip=192.0.2.1, mpid=${4000 + i}, TLS`);
    fs.writeFileSync(path.join(dir, 'dovecot.log'), lines.join('\n') + '\n');
    const text = await run(['dovecot.log']);
    assert.equal(text.code, 0);
    assert.equal(text.stdout, 'No Postfix, Exim or Sendmail lines in 1,500 lines read.\n');
    const markdown = await run(['dovecot.log', '--format', 'markdown']);
    assert.equal(markdown.stdout, '# Mail log summary\n\nNo Postfix, Exim or Sendmail lines in 1,500 lines read.\n');
  });

  test('--since and --until: the lines outside the window are counted in every format', async () => {
    const args = ['relay.log', '--since', '2026-11-30 06:00:02', '--until', '2026-11-30T06:00:04'];
    const text = await run(args);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^Postfix \(7 lines about messages, Nov 30 06:00:02 to Nov 30 06:00:03\)\n {2}received {3}0\n {2}delivered {2}0\n {2}deferred {3}1 \(1 deferral\)\n {2}bounced {4}6\n {2}rejected {3}0\n\n/);
    assert.ok(text.stdout.endsWith('\n\n7 lines fell outside --since/--until.\n'), text.stdout);
    const markdown = await run([...args, '--format', 'markdown']);
    assert.ok(markdown.stdout.endsWith(' |\n\n7 lines fell outside --since/--until.\n'), markdown.stdout);
    const json = JSON.parse((await run([...args, '--format', 'json'])).stdout);
    assert.equal(json.outsideWindow, 7);
    const oneSecond = await run(['relay.log', '--since', '2026-11-30 06:00:02', '--until', '2026-11-30 06:00:03', '--format', 'json']);
    assert.equal(oneSecond.code, 0, 'a window of one second is a window');
    assert.equal(JSON.parse(oneSecond.stdout).mtas[0].totals.bounced, 5);
  });

  test('bad usage: the message names what is wrong, then the usage, exit 2', async () => {
    const cases: [string[], string][] = [
      [[], 'summary needs at least one log file (or - for standard input)'],
      [['relay.log', '--format'], '--format needs a value'],
      [['relay.log', '--format', 'html'], '--format must be text, json or markdown, not html'],
      [['relay.log', '--since', 'yesterday'], '--since takes a date such as 2026-11-28 or 2026-11-28 06:00, not yesterday'],
      [['relay.log', '--until', '2026-13-01'], '--until takes a date such as 2026-11-28 or 2026-11-28 06:00, not 2026-13-01'],
      [['relay.log', '--since', '2026-11-30', '--until', '2026-11-30'], '--until must be later than --since'],
      [['relay.log', '--since', '2026-11-30 06:00', '--until', '2026-11-29'], '--until must be later than --since'],
      [['relay.log', '--top', '0'], '--top takes a positive whole number, not 0'],
      [['relay.log', '--top', '2.5'], '--top takes a positive whole number, not 2.5'],
      [['relay.log', '--top', 'ten'], '--top takes a positive whole number, not ten'],
      [['relay.log', '--json'], 'unknown option --json'],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
      assert.equal(result.stderr, `smtp-status-codes: ${message}\n\n${SUMMARY_USAGE}\n`, args.join(' '));
    }
    assert.equal((await run(['relay.log', '--top', '3', '--since', '2026-11-30', '--until', '2026-12-01'])).code, 0);
  });

  test('a file that cannot be read is named with the reason, and the other files are still summed', async () => {
    fs.symlinkSync('loop.log', path.join(dir, 'loop.log'));
    fs.writeFileSync(path.join(dir, 'damaged.log.gz'), Buffer.concat([gzipSync(RELAY_LOG).subarray(0, 10), Buffer.from('not deflate data at all')]));
    const whole = gzipSync(RELAY_LOG.repeat(400));
    fs.writeFileSync(path.join(dir, 'cut.log.gz'), whole.subarray(0, Math.floor(whole.length / 2)));
    const result = await run(['missing.log', '.', 'loop.log', 'damaged.log.gz', 'relay.log', 'cut.log.gz', '--format', 'json']);
    assert.equal(result.code, 2);
    const errors = result.stderr.split('\n');
    assert.equal(errors.length, 6, result.stderr);
    assert.equal(errors[0], 'smtp-status-codes: cannot read missing.log: no such file');
    assert.equal(errors[1], 'smtp-status-codes: . is a directory; name the log files');
    assert.match(errors[2], /^smtp-status-codes: cannot read loop\.log after 0 lines: ELOOP: too many (?:levels of )?symbolic links/);
    assert.match(errors[3], /^smtp-status-codes: damaged\.log\.gz is a damaged or truncated gzip file \(.+\); the summary counts the 0 complete lines read before it ended$/);
    const report = JSON.parse(result.stdout);
    const cutLines = report.lines - 14;
    assert.ok(cutLines > 1000 && cutLines < 14 * 400, `${cutLines} lines of the cut file`);
    assert.equal(errors[4], `smtp-status-codes: cut.log.gz is a damaged or truncated gzip file (unexpected end of file); the summary counts the ${cutLines.toLocaleString('en-US')} complete lines read before it ended`);
    assert.equal(errors[5], '');
    assert.equal(report.mtas[0].totals.bounced, 6 + 6 * Math.floor(cutLines / 14) + Math.max(0, Math.min(6, (cutLines % 14) - 2)));
  });

  test('a damaged .gz is closed once it has failed, not left open until the process ends', { skip: !fs.existsSync('/proc/self/fd') && 'open files are listed in /proc' }, async () => {
    const damaged = path.join(dir, 'closed.log.gz');
    fs.writeFileSync(damaged, Buffer.concat([gzipSync(RELAY_LOG).subarray(0, 10), Buffer.from('not deflate data at all')]));
    const openOnIt = () => fs.readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`) === fs.realpathSync(damaged);
      } catch {
        return false;
      }
    }).length;
    const result = await summaryWith(['closed.log.gz'], dir);
    assert.equal(result.code, 2);
    for (let tick = 0; tick < 50 && openOnIt() > 0; tick++) await new Promise((resolve) => setTimeout(resolve, 2));
    assert.equal(openOnIt(), 0);
  });

  test('- reads standard input, and a broken standard input is named as such', async () => {
    const fromFile = await summaryWith(['relay.log', '--format', 'json'], dir);
    const fromStdin = await summaryWith(['-', '--format', 'json'], dir, { stdin: Readable.from([Buffer.from(RELAY_LOG)]) });
    assert.equal(fromStdin.code, 0, fromStdin.err);
    assert.equal(fromStdin.out, fromFile.out);
    const broken = new Readable({ read() {} });
    broken.push(Buffer.from(RELAY_LOG.split('\n').slice(0, 3).join('\n') + '\n'));
    setImmediate(() => broken.destroy(Object.assign(new Error('read error'), { code: 'EIO' })));
    const failed = await summaryWith(['-'], dir, { stdin: broken });
    assert.equal(failed.code, 2);
    assert.equal(failed.err, 'smtp-status-codes: cannot read standard input after 3 lines: read error\n');
    assert.match(failed.out, /^Postfix \(3 lines about messages, /);
  });

  describe('progress on a terminal', () => {
    let clock: number;
    const relayBytes = Buffer.byteLength(RELAY_LOG);
    const busyBytes = 300 * relayBytes;
    /** Gzip archives damaged right after the header: they count in the total without being read. */
    const damagedArchive = (name: string, size: number) =>
      sparseLog(path.join(dir, name), size, { head: Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff]) });
    before(() => {
      fs.writeFileSync(path.join(dir, 'busy.log'), RELAY_LOG.repeat(300));
      damagedArchive('mail.log.4.gz', 64 * MB - relayBytes);
      damagedArchive('mail.log.3.gz', 64 * MB - relayBytes + 1);
      damagedArchive('mail.log.2.gz', 70 * MB);
      damagedArchive('mail.log.1.gz', 1_000_000_000 - busyBytes);
    });

    /** The command with a clock that each reading advances by `step` ms; the clock's time at each write of progress. */
    async function withClock(step: number, args: string[]): Promise<Captured & { times: number[] }> {
      clock = 0;
      const times: number[] = [];
      const now = mock.method(Date, 'now', () => (clock += step));
      try {
        return { ...(await summaryWith(args, dir, { onProgress: () => times.push(clock) })), times };
      } finally {
        now.mock.restore();
      }
    }

    test('64 MiB or less in all, or output that is not a terminal: no progress', async () => {
      const small = await summaryWith(['relay.log'], dir);
      assert.deepEqual(small.progress, []);
      assert.equal(small.out, expected('relay.log.txt'));
      const exactly = await summaryWith(['mail.log.4.gz', 'relay.log'], dir);
      assert.equal(exactly.code, 2);
      assert.deepEqual(exactly.progress, []);
      assert.deepEqual((await summaryWith(['mail.log.2.gz', 'relay.log'], dir, { terminal: false })).progress, []);
      const over = await withClock(1000, ['missing.log', 'mail.log.3.gz', 'relay.log']);
      assert.match(over.err, /^smtp-status-codes: cannot read missing\.log: no such file\n/);
      // One chunk read, a second after the start: 67,108,865 bytes in 1,000 ms.
      assert.deepEqual(over.progress, ['\rsummary: 67 MB of 67 MB (100%), 67 MB/s   ', '\r\x1b[K']);
    });

    test('standard input adds nothing to the total, even beside a large file named -', async () => {
      const withDash = fs.mkdtempSync(path.join(dir, 'dash-'));
      damagedArchive(path.relative(dir, path.join(withDash, '-')), 70 * MB);
      fs.writeFileSync(path.join(withDash, 'relay.log'), RELAY_LOG);
      const result = await summaryWith(['-', 'relay.log'], withDash, { stdin: Readable.from([Buffer.from(RELAY_LOG)]) });
      assert.equal(result.code, 0, result.err);
      assert.deepEqual(result.progress, []);
    });

    test('a large log shows bytes read, the share of the total and the rate, at most every 250 ms, then clears the line', async () => {
      // Each reading of the clock advances it by 125 ms: progress is written at every other chunk read.
      const result = await withClock(125, ['mail.log.2.gz', 'busy.log']);
      assert.equal(result.code, 2, 'the damaged archive is reported');
      const started = 125;
      assert.equal(result.progress.at(-1), '\r\x1b[K');
      const lines = result.progress.slice(0, -1);
      assert.ok(lines.length >= 2, `${lines.length} progress lines`);
      for (const [i, line] of lines.entries()) {
        const found = /^\rsummary: (\d+) MB of 74 MB \((\d+)%\), (\d+) MB\/s {3}$/.exec(line);
        assert.ok(found, JSON.stringify(line));
        assert.ok(Number(found[1]) >= 73 && Number(found[2]) >= 98, 'the 70 MiB of the damaged archive count as read');
        if (i > 0) assert.equal(result.times[i] - result.times[i - 1], 250, 'written every 250 ms, not more often');
      }
      // The first chunk of busy.log (64 KiB) after the 70 MiB of the archive, 125 ms after the start.
      const firstRead = 70 * MB + 64 * 1024;
      assert.equal(lines[0], `\rsummary: 73 MB of 74 MB (98%), ${(firstRead / (250 - started) / 1000).toFixed(0)} MB/s   `);
    });

    test('from a gigabyte on, sizes are shown in GB', async () => {
      const result = await withClock(250, ['mail.log.1.gz', 'busy.log']);
      assert.equal(result.code, 2);
      assert.match(result.err, /^smtp-status-codes: mail\.log\.1\.gz is a damaged or truncated gzip file \(.+\); the summary counts the 0 complete lines read before it ended\n$/);
      assert.equal(result.progress.at(-1), '\r\x1b[K');
      const lines = result.progress.slice(0, -1);
      assert.equal(lines[0], `\rsummary: 999 MB of 1.00 GB (99%), ${((1e9 - busyBytes + 64 * 1024) / 250 / 1000).toFixed(0)} MB/s   `);
      assert.equal(lines.at(-1), `\rsummary: 1.00 GB of 1.00 GB (100%), ${(1e9 / (result.times.at(-1)! - 250) / 1000).toFixed(0)} MB/s   `);
    });
  });
});
