import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ENUMERATED_CODES, findEntry, findReplyCode, allowsReplyCode } from '../../server/src/registry/registry';
import { IANA_REGISTRY } from '../../server/src/registry/iana.generated';
import { deriveUsage, parseAssociatedReplyCodes, parseReferences, parseRegistryXml } from '../../scripts/registry-xml';
import { generate, GENERATED_MODULE } from '../../scripts/generate-registry';
import { HAS_SHARED, SHARED_IANA } from '../support/paths';
import { createLanguageService } from '../../server/src/languageService';
import { REPLY_CODES } from '../../server/src/registry/replyCodes';
import { documentOf } from '../support/documents';

const entry = (code: string) => {
  const [, subject, detail] = code.split('.').map(Number);
  const found = findEntry(subject, detail);
  assert.ok(found, `${code} is in the table`);
  return found;
};

describe('generated registry table', () => {
  test('holds the 2024-12-06 edition: 3 classes, 8 subjects, 81 codes, every field', () => {
    assert.equal(IANA_REGISTRY.updated, '2024-12-06');
    assert.equal(IANA_REGISTRY.classes.length, 3);
    assert.equal(IANA_REGISTRY.subjects.length, 8);
    assert.equal(ENUMERATED_CODES.length, 81);
    for (const e of ENUMERATED_CODES) {
      assert.match(e.code, /^X\.\d{1,3}\.\d{1,3}$/);
      assert.ok(e.description, `${e.code} has a description`);
      assert.ok(e.references.length > 0, `${e.code} has references`);
      if (!e.deprecatedBy) {
        assert.ok(e.sample, `${e.code} has sample text`);
        assert.ok(e.submitter && e.changeController, `${e.code} has submitter and change controller`);
      }
    }
    assert.deepEqual({ registered: entry('X.7.28').registered, updated: entry('X.1.10').updated }, { registered: '2017-06-22', updated: '2015-05-18' });
  });

  test('normalises associated reply codes and keeps the raw text', () => {
    assert.deepEqual(entry('X.1.1').replyCodes, { raw: '451, 550', kind: 'listed', codes: [451, 550], classes: [] });
    assert.deepEqual(entry('X.3.6').replyCodes, { raw: '250 or 251', kind: 'listed', codes: [250, 251], classes: [] });
    assert.deepEqual(entry('X.7.17').replyCodes, { raw: '5XX', kind: 'listed', codes: [], classes: [5] });
    assert.equal(entry('X.0.0').replyCodes.kind, 'any');
    assert.equal(entry('X.1.0').replyCodes.kind, 'not-given');
    assert.deepEqual(entry('X.7.15').replyCodes.classes, [4, 5]);
    assert.ok(allowsReplyCode(entry('X.7.15'), 421));
    assert.ok(!allowsReplyCode(entry('X.1.1'), 554));
  });

  test('derives permanent/transient usage from the description', () => {
    assert.equal(entry('X.1.1').usage, 'permanent');
    assert.equal(entry('X.2.2').usage, 'transient');
    assert.equal(entry('X.4.2').usage, 'transient');
    assert.equal(entry('X.3.2').usage, 'both');
    assert.equal(entry('X.2.4').usage, 'both');
    assert.equal(entry('X.6.5').usage, 'both');
    assert.equal(entry('X.7.26').usage, 'unstated');
  });

  test('marks X.6.10 deprecated in favour of X.6.8 and links references', () => {
    assert.equal(entry('X.6.10').deprecatedBy, 'X.6.8');
    assert.equal(ENUMERATED_CODES.filter((e) => e.deprecatedBy).length, 1);
    assert.deepEqual(entry('X.7.28').references, [{ label: 'draft-levine-mailbomb-header-00', url: 'https://datatracker.ietf.org/doc/draft-levine-mailbomb-header-00/' }]);
    assert.deepEqual(entry('X.1.10').references.map((r) => r.url), ['https://www.rfc-editor.org/rfc/rfc7505', 'https://www.rfc-editor.org/rfc/rfc7504']);
  });

  test('knows the basic reply codes of RFC 5321 and its extensions', () => {
    for (const code of [220, 221, 250, 354, 421, 450, 451, 452, 500, 501, 502, 503, 504, 550, 551, 552, 553, 554, 555]) {
      assert.ok(findReplyCode(code), `${code} (RFC 5321)`);
    }
    assert.equal(findReplyCode(556)?.reference, 'RFC 7504');
    assert.equal(findReplyCode(535)?.reference, 'RFC 4954');
    assert.equal(findReplyCode(599), undefined);
  });
});

describe('registry XML reader', () => {
  test('parses every irregular form of associated basic codes', () => {
    const cases: [string, string, number[], number[]][] = [
      ['451, 550', 'listed', [451, 550], []],
      ['Any', 'any', [], []],
      ['Not given', 'not-given', [], []],
      ['250 or 251', 'listed', [250, 251], []],
      ['451/550', 'listed', [451, 550], []],
      ['5XX', 'listed', [], [5]],
      ['450, 550 (other 4XX or 5XX codes are allowed)', 'listed', [450, 550], [4, 5]],
      ['552 (other 4XX or 5XX codes are allowed)', 'listed', [552], [4, 5]],
      ['.', 'not-given', [], []],
      ['', 'not-given', [], []],
      ['220, 250, 251, 252, 253, 451, 452, 454, 458, 459, 501,\n502, 503, 554', 'listed', [220, 250, 251, 252, 253, 451, 452, 454, 458, 459, 501, 502, 503, 554], []],
      ['The message appears to be part of a mail flood of similar abusive message.', 'not-given', [], []],
    ];
    for (const [raw, kind, codes, classes] of cases) {
      const parsed = parseAssociatedReplyCodes(raw);
      assert.deepEqual({ kind: parsed.kind, codes: parsed.codes, classes: parsed.classes }, { kind, codes, classes }, raw);
    }
  });

  test('reads usage phrases and references written in several ways', () => {
    assert.equal(deriveUsage('This code is only useful for permanent failures.'), 'permanent');
    assert.equal(deriveUsage('This is useful only as a permanent error.'), 'permanent');
    assert.equal(deriveUsage('This code should be used as a permanent failure.'), 'permanent');
    assert.equal(deriveUsage('This is useful only as a persistent transient error.'), 'transient');
    assert.equal(deriveUsage('This code should be used as a\npersistent transient failure.'), 'transient');
    assert.equal(deriveUsage('This may be useful as a permanent or persistent temporary notification.'), 'both');
    assert.deepEqual(parseReferences('<xref type="rfc" data="rfc7001">Section 3 of RFC7001</xref> (Standards Track)'), [
      { label: 'Section 3 of RFC7001', url: 'https://www.rfc-editor.org/rfc/rfc7001', note: 'Standards Track' },
    ]);
  });

  test('rejects a file that is not the registry', () => {
    assert.throws(() => parseRegistryXml('<registry id="media-types"></registry>'), /not the IANA SMTP Enhanced Status Codes registry/);
  });
});

describe('registry sources', { skip: HAS_SHARED ? false : 'the IANA registry files are not beside this checkout' }, () => {
  test('regenerating the table from the latest XML changes nothing', () => {
    assert.equal(generate(path.join(SHARED_IANA, 'latest', 'smtp-enhanced-status-codes.xml')), fs.readFileSync(GENERATED_MODULE, 'utf8'));
  });

  test('parses every edition since 2015', () => {
    const editions = fs.readdirSync(path.join(SHARED_IANA, 'history'));
    assert.ok(editions.length >= 10);
    let previous = 0;
    for (const edition of editions.sort()) {
      const parsed = parseRegistryXml(fs.readFileSync(path.join(SHARED_IANA, 'history', edition, 'smtp-enhanced-status-codes.xml'), 'utf8'));
      assert.equal(parsed.updated, /^updated-(\d{4}-\d\d-\d\d)/.exec(edition)?.[1], edition);
      assert.equal(parsed.classes.length, 3, edition);
      assert.equal(parsed.subjects.length, 8, edition);
      assert.ok(parsed.codes.length >= previous, `${edition} has no fewer codes than the edition before`);
      previous = parsed.codes.length;
    }
    assert.equal(previous, 81);
  });

  test('keeps every entry of the 2008 edition, with the five that changed since checked against the new text', () => {
    const text = fs.readFileSync(path.join(SHARED_IANA, '2008-09-05', 'smtp-enhanced-status-codes.txt'), 'utf8');
    const records = text.split(/\n(?=Code:)/).filter((record) => /^Code:\s+X\.\d+\.\d+\s*\n/.test(record));
    assert.equal(records.length, 63);
    const changed = new Set(['X.3.2', 'X.6.7', 'X.6.8', 'X.6.9', 'X.6.10']);
    for (const record of records) {
      const code = /^Code:\s+(\S+)/.exec(record)![1];
      const sample = /Sample Text:\s+([\s\S]*?)\n(?=Associated)/.exec(record)![1].replace(/\s+/g, ' ').trim();
      const basic = parseAssociatedReplyCodes(/Associated basic status code:\s+([\s\S]*?)\n(?=Description)/.exec(record)![1]);
      if (!changed.has(code)) {
        assert.equal(entry(code).sample, sample, code);
        assert.deepEqual(entry(code).replyCodes, basic, code);
      }
    }
    assert.deepEqual(entry('X.3.2').replyCodes.codes, [453, 521]);
    assert.deepEqual(entry('X.3.2').references.map((r) => r.label), ['RFC 3463', 'RFC 7504']);
    assert.equal(entry('X.6.7').sample, 'Non-ASCII addresses not permitted for that sender/recipient');
    assert.equal(entry('X.6.8').sample, 'UTF-8 string reply is required, but not permitted by the SMTP client');
    assert.deepEqual(entry('X.6.8').replyCodes.codes, [252, 553, 550]);
    assert.equal(entry('X.6.9').sample, 'UTF-8 header message cannot be transferred to one or more recipients, so the message must be rejected');
    assert.equal(entry('X.6.10').sample, '');
    assert.equal(entry('X.6.10').description, 'This is a duplicate of X.6.8 and is thus deprecated.');
    for (const code of ['X.6.7', 'X.6.8', 'X.6.9', 'X.6.10']) assert.equal(entry(code).references[0].label, 'RFC 6531', code);
  });
});

describe('basic reply codes in hover', () => {
  const service = createLanguageService();
  const hoverOn = (line: string, at: number) => {
    const document = documentOf(line, `file:///srv/relay/replies-${at}-${line.length}.py`, 'python');
    const hover = service.doHover(document, { line: 0, character: at });
    service.forget(document.uri);
    return hover ? (hover.contents as { value: string }).value : '';
  };

  test('every reply code shows its meaning, the RFC that defines it and its class', () => {
    const CLASS: Record<string, string> = {
      2: 'Positive completion reply · goes with 2.X.X enhanced codes', 3: 'Positive intermediate reply',
      4: 'Transient negative completion reply · goes with 4.X.X enhanced codes', 5: 'Permanent negative completion reply · goes with 5.X.X enhanced codes',
    };
    for (const { code } of REPLY_CODES) {
      const text = hoverOn(`    self.push("${code} Text of the reply")`, 16);
      const [title, , kind] = text.split('\n');
      assert.match(title, new RegExp(`^\\*\\*${code}\\*\\* \\S.{8,}$`), `${code}: ${text}`);
      assert.equal(kind, `*${CLASS[String(code)[0]]}*`, String(code));
      assert.match(text, /\n\nDefined in \[RFC (\d+)\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc\1\)$/, String(code));
    }
  });

  test('a failure or success reply code lists the registered enhanced codes that name it, with its class', () => {
    const registered = (code: number) => /\n\nRegistered enhanced codes for \d+: ([^\n]*)/.exec(hoverOn(`    self.push("${code} Text of the reply")`, 16))?.[1];
    assert.equal(registered(250), '2.1.5 Destination address valid · 2.3.0 Other or undefined mail system status · 2.3.6 Requested priority was changed · 2.5.0 Other or undefined protocol status · 2.6.4 Conversion with loss performed');
    assert.equal(registered(452), '4.2.4 Mailing list expansion problem · 4.3.1 Mail system full · 4.5.0 Other or undefined protocol status');
    assert.equal(registered(552), '5.2.2 Mailbox full · 5.2.3 Message length exceeds administrative limit · 5.3.4 Message too big for system · 5.7.16 Message is too big for the specified priority');
    assert.equal(registered(354), undefined);
  });
});

describe('reply codes the registry associates with an enhanced code', () => {
  const service = createLanguageService();
  /** The hover's note on the reply code before the enhanced code, or `fits` where it has none. */
  const note = (line: string) => {
    const at = line.indexOf('said: ') + 11;
    const document = documentOf(line, `file:///var/log/mail-${at}-${line.length}.log`, 'log');
    const hover = service.doHover(document, { line: 0, character: at });
    service.forget(document.uri);
    return /The registry does not associate reply code \d+ with X\.\d+\.\d+\./.exec((hover?.contents as { value: string }).value)?.[0] ?? 'fits';
  };

  test('a reply code fits where the registry lists it, its class, or its twin of the other class where the usage allows that class', () => {
    const LINES: [string, string][] = [
      ['host mx.example.org[192.0.2.25] said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown', 'fits'],
      ['host mx.example.org[192.0.2.25] said: 450 4.1.1 <bob@example.org>: Recipient address rejected: User unknown', 'fits'],
      ['host mx.example.org[192.0.2.25] said: 551 5.1.1 User not local', 'fits'],
      ['host mx.example.org[192.0.2.25] said: 554 5.1.1 <bob@example.org>: Recipient address rejected: User unknown', 'The registry does not associate reply code 554 with X.1.1.'],
      ['host mx.example.org[192.0.2.25] said: 550 5.7.17 Mailbox owner has changed', 'fits'],
      ['host mx.example.org[192.0.2.25] said: 450 4.7.17 Mailbox owner has changed', 'The registry does not associate reply code 450 with X.7.17.'],
      ['host mx.example.org[192.0.2.25] said: 552 5.2.4 Mailing list expansion problem', 'fits'],
      ['host mx.example.org[192.0.2.25] said: 421 4.3.2 System not accepting network messages', 'fits'],
      ['host mx.example.org[192.0.2.25] said: 452 4.2.2 Mailbox full', 'fits'],
      ['host mx.example.org[192.0.2.25] said: 450 4.2.2 Mailbox full', 'The registry does not associate reply code 450 with X.2.2.'],
      ['host mx.example.org[192.0.2.25] said: 452 4.3.4 Message too big for system', 'The registry does not associate reply code 452 with X.3.4.'],
      ['host mx.example.org[192.0.2.25] said: 421 4.0.0 Try again later', 'fits'],
    ];
    assert.deepEqual(LINES.map(([line]) => note(line)), LINES.map(([, expected]) => expected));
  });
});
