import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FILE_KINDS, userFileKind, uriPath } from '../../server/src/fileKinds';
import { createLanguageService } from '../../server/src/languageService';
import { resolveSettings } from '../../server/src/settings';

describe('file kinds the user gives', () => {
  test('a glob without / matches the file name, anywhere', () => {
    const kinds = { 'rules.txt': 'postfix', '*_checks.txt': 'postfix', 'NOTES*': 'prose' } as const;
    assert.equal(userFileKind('file:///srv/mail/rules.txt', kinds)?.kind, 'postfix');
    assert.equal(userFileKind('file:///etc/postfix/header_checks.txt', kinds)?.pattern, '*_checks.txt');
    assert.equal(userFileKind('file:///home/me/NOTES.md', kinds)?.kind, 'prose');
    assert.equal(userFileKind('file:///srv/mail/rules.txt.bak', kinds), undefined);
    assert.equal(userFileKind('file:///srv/mail/rules.txt', {}), undefined);
  });

  test('a glob with / matches the path: absolute from the root, relative at its end', () => {
    const kinds = { '/etc/mail/*.txt': 'sendmail', 'docs/**': 'prose', '**/postfix/maps/*': 'postfix' } as const;
    assert.equal(userFileKind('file:///etc/mail/access.txt', kinds)?.kind, 'sendmail');
    assert.equal(userFileKind('file:///home/etc/mail/access.txt', kinds), undefined);
    assert.equal(userFileKind('file:///repo/docs/guide/replies.txt', kinds)?.kind, 'prose');
    assert.equal(userFileKind('file:///repo/mydocs/replies.txt', kinds), undefined);
    assert.equal(userFileKind('file:///repo/postfix/maps/.hidden_access', kinds)?.kind, 'postfix');
  });

  test('# and ! are characters of a file name, not a comment or a negation', () => {
    assert.equal(userFileKind('file:///srv/mail/%23rules.txt%23', { '#rules.txt#': 'postfix' })?.kind, 'postfix');
    assert.equal(userFileKind('file:///srv/mail/!important.txt', { '!important.txt': 'prose' })?.kind, 'prose');
    assert.equal(userFileKind('file:///srv/mail/rules.txt', { '!important.txt': 'prose' }), undefined);
  });

  test('path globs are tried before name globs, then in the order written', () => {
    const kinds = { 'rules.txt': 'prose', 'mail/rules.txt': 'postfix', 'mail/*': 'exim' } as const;
    assert.deepEqual(userFileKind('file:///srv/mail/rules.txt', kinds), { kind: 'postfix', pattern: 'mail/rules.txt' });
  });

  test('URIs of every scheme give their decoded path', () => {
    assert.equal(uriPath('file:///c%3A/Users/me/mail%20rules/access'), '/c:/Users/me/mail rules/access');
    assert.equal(uriPath('vscode-vfs://github/acme/mail/postfix/access?ref=main'), '/acme/mail/postfix/access');
    assert.equal(uriPath('untitled:Untitled-1'), 'Untitled-1');
    assert.equal(userFileKind('file:///srv/mail%20rules/rules.txt', { 'mail rules/*': 'prose' })?.kind, 'prose');
  });

  test('the setting accepts known kinds only and says what it skipped', () => {
    const { settings, problems } = resolveSettings({ fileKinds: { ' ': 'text', 'rules.txt': 'prose', 'x.txt': 'postfix-map' } });
    assert.deepEqual(settings.fileKinds, { 'rules.txt': 'prose' });
    assert.equal(problems.length, 2);
    assert.match(problems[0], /^smtpStatusCodes\.fileKinds: an empty glob matches no file; skipped\.$/);
    assert.match(problems[1], /fileKinds\.x\.txt: expected one of postfix, exim, sendmail, opensmtpd, mail-log, bounce, source, data, text, prose, got "postfix-map"/);
    assert.match(resolveSettings({ fileKinds: ['prose'] }).problems[0], /expected an object mapping globs to file kinds, got a list/);
    assert.deepEqual(resolveSettings({ fileKinds: { 'rules.txt': ['prose'], 'notes.txt': 5 } }).settings.fileKinds, {}, 'a kind is a string');
  });

  test('the status item names each kind and what decided it', () => {
    const service = createLanguageService();
    const kindOf = (uri: string, languageId: string, text: string, fileKinds = {}) => {
      const info = service.kindOf(TextDocument.create(uri, languageId, 1, text), resolveSettings({ fileKinds }).settings);
      service.forget(uri);
      return info;
    };
    const cases: [string, string, string, string, string, string][] = [
      ['file:///etc/postfix/main.cf', 'plaintext', '', 'postfix', 'Postfix configuration', 'name'],
      ['file:///etc/exim4/exim4.conf.template', 'plaintext', '', 'exim', 'Exim configuration', 'name'],
      ['file:///etc/mail/sendmail.mc', 'plaintext', '', 'sendmail', 'Sendmail configuration', 'name'],
      ['untitled:Untitled-1', 'plaintext', 'listen on lo0\nmatch from local for any action "relay"\n', 'opensmtpd', 'OpenSMTPD configuration', 'content'],
      ['file:///var/log/mail.log', 'log', '', 'mail-log', 'Mail log', 'name'],
      ['untitled:Untitled-2', 'email', '', 'bounce', 'Mail message', 'language'],
      ['file:///srv/relay/replies.go', 'go', '', 'source', 'Source code', 'language'],
      ['file:///srv/relay/replies.yaml', 'yaml', '', 'data', 'Data', 'language'],
      ['file:///srv/relay/replies', 'markdown', 'myhostname = mx1.example.com\n', 'text', 'Documentation and plain text', 'language'],
      ['file:///srv/relay/replies', 'plaintext', 'myhostname = mx1.example.com\n', 'postfix', 'Postfix configuration', 'content'],
      ['file:///etc/postfix/replies', 'plaintext', 'The relay answers each client in turn.\nIt rejects mail from hosts without DNS.\nIt defers mail when the disk is full.\nIt accepts all other mail.\n', 'text', 'Documentation and plain text', 'content'],
      ['file:///srv/relay/notes.txt', 'plaintext', '', 'text', 'Documentation and plain text', 'default'],
      ['file:///etc/postfix/conf.d/local', 'plaintext', '# kept by hand\n', 'postfix', 'Postfix configuration', 'directory'],
    ];
    for (const [uri, languageId, text, kind, label, reason] of cases) assert.deepEqual(kindOf(uri, languageId, text), { kind, label, reason }, uri);
    assert.deepEqual(kindOf('file:///srv/relay/notes.txt', 'plaintext', '', { 'notes.txt': 'prose' }), { kind: 'prose', label: 'Prose only', reason: 'setting', pattern: 'notes.txt' });
  });

  test('the kind picker describes every kind, each in its own words', () => {
    const descriptions = Object.values(FILE_KINDS).map((kind) => kind.description);
    assert.equal(new Set(descriptions).size, 10);
    for (const description of descriptions) assert.match(description, /^\S.{10,}/);
  });
});
