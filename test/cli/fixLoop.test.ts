import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { fixToFixedPoint } from '../../server/src/cli/fix';
import { createLanguageService, type LanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

/** The real service, with its quick fixes rewritten by `rewrite`: fixes the real one would not offer, to test what --fix does with them. */
function serviceWithFixes(rewrite: (action: CodeAction) => CodeAction): LanguageService {
  const service = createLanguageService();
  return { ...service, doCodeActions: (document, diagnostics, settings) => service.doCodeActions(document, diagnostics, settings).map(rewrite) };
}

const ACCESS = 'file:///etc/postfix/sender_access';

describe('--fix rounds', () => {
  test('a fix whose result is flagged again at the same place is dropped, and the others are applied', () => {
    const text = 'a@example.net REJECT 4.7.1 Blocked\nb@example.net REJECT 4.7.2 Blocked\n';
    // A "fix" that keeps the class wrong for 4.7.2: its result is a class mismatch again.
    const service = serviceWithFixes((action) => {
      const edits = action.edit?.changes?.[ACCESS];
      if (!action.isPreferred || !edits || edits[0].newText !== '5.7.2') return action;
      return { ...action, edit: { changes: { [ACCESS]: [{ ...edits[0], newText: '4.7.3' }] } } };
    });
    const result = fixToFixedPoint(service, ACCESS, 'plaintext', text, DEFAULT_SETTINGS);
    assert.equal(result.text, 'a@example.net REJECT 5.7.1 Blocked\nb@example.net REJECT 4.7.2 Blocked\n');
    assert.equal(result.dropped, 1);
    assert.deepEqual(result.applied.map((fix) => [fix.line, fix.character, fix.code]), [[0, 21, 'class-mismatch']]);
    assert.equal(result.roundsExhausted, false);
  });

  test('mail logs, mail messages and prose are never edited, even by a fix marked preferred', () => {
    const everythingPreferred = serviceWithFixes((action) => ({ ...action, isPreferred: action.edit ? true : action.isPreferred }));
    const quoted = [
      { uri: 'file:///var/log/maillog', languageId: 'log', kind: 'mail-log', text: 'Nov 30 01:00:00 mx postfix/smtp[123]: 4B1C21A0F2: to=<a@b.example>, relay=mx.b.example[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.b.example[192.0.2.1] said: 550 4.1.1 <a@b.example>: Recipient address rejected (in reply to RCPT TO command))\n' },
      { uri: 'file:///srv/docs/README.md', languageId: 'markdown', kind: 'text', text: '# Blocklists\n\nWith this entry a listed client gets the reply\n\n    zen.spamhaus.org=127.0.0.10 521 4.7.1 Service unavailable\n\nand the connection is closed.\n' },
    ];
    for (const { uri, languageId, kind, text } of quoted) {
      const document = TextDocument.create(uri, languageId, 1, text);
      const offered = everythingPreferred.doCodeActions(document, everythingPreferred.doValidation(document, DEFAULT_SETTINGS)!.diagnostics);
      assert.ok(offered.some((action) => action.isPreferred), `${uri} has a fix to refuse`);
      const result = fixToFixedPoint(everythingPreferred, uri, languageId, text, DEFAULT_SETTINGS);
      assert.equal(result.text, text);
      assert.equal(result.notEditableKind, kind);
      assert.deepEqual(result.applied, []);
    }
  });
});

describe('--fix applies only a preferred fix made of one edit to this file', () => {
  const text = '# senders\na@example.net REJECT 4.7.1 Blocked\n';
  const isClassFix = (action: CodeAction) => action.isPreferred === true && action.edit?.changes?.[ACCESS]?.[0]?.newText === '5.7.1';

  test('the real preferred fix is applied where it was offered', () => {
    const result = fixToFixedPoint(createLanguageService(), ACCESS, 'plaintext', text, DEFAULT_SETTINGS);
    assert.equal(result.text, '# senders\na@example.net REJECT 5.7.1 Blocked\n');
    assert.deepEqual(result.applied, [{ line: 1, character: 21, code: 'class-mismatch', title: 'Replace 4.7.1 with 5.7.1 (Delivery not authorized, message refused)' }]);
  });

  const refused: Array<[string, (action: CodeAction) => CodeAction]> = [
    ['two edits', (action) => ({ ...action, edit: { changes: { [ACCESS]: [...action.edit!.changes![ACCESS], { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# fixed\n' }] } } })],
    ['an edit in another file too', (action) => ({ ...action, edit: { changes: { ...action.edit!.changes, 'file:///etc/postfix/main.cf': [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# fixed\n' }] } } })],
    ['document changes besides the edit', (action) => ({ ...action, edit: { ...action.edit, documentChanges: [{ kind: 'create', uri: 'file:///etc/postfix/sender_access.bak' }] } })],
    ['no edit of this file', (action) => ({ ...action, edit: { changes: { 'file:///etc/postfix/main.cf': action.edit!.changes![ACCESS] } } })],
    ['no diagnostic', (action) => ({ ...action, diagnostics: [] })],
    ['not preferred', (action) => ({ ...action, isPreferred: false })],
  ];
  for (const [what, rewrite] of refused) {
    test(`a fix with ${what} is not applied`, () => {
      const service = serviceWithFixes((action) => (isClassFix(action) ? rewrite(action) : action));
      const result = fixToFixedPoint(service, ACCESS, 'plaintext', text, DEFAULT_SETTINGS);
      assert.equal(result.text, text);
      assert.deepEqual(result.applied, []);
    });
  }

  test('of two fixes preferred for one finding, the first offered is applied', () => {
    const service = serviceWithFixes((action) => (action.title === 'Change REJECT to DEFER' ? { ...action, isPreferred: true } : action));
    const result = fixToFixedPoint(service, ACCESS, 'plaintext', text, DEFAULT_SETTINGS);
    assert.equal(result.text, '# senders\na@example.net REJECT 5.7.1 Blocked\n');
  });

  test('fixes of neighbouring codes are applied each once, positions given in the fixed text', () => {
    const neighbours = 'a@example.net REJECT 4.7.1 Blocked\nb@example.net REJECT 4.7.1 Blocked\nc@example.net REJECT SPF check failed for this sender\nd@example.net 421 5.1.1 Unknown\n';
    const result = fixToFixedPoint(createLanguageService(), ACCESS, 'plaintext', neighbours, DEFAULT_SETTINGS);
    assert.equal(result.text, 'a@example.net REJECT 5.7.1 Blocked\nb@example.net REJECT 5.7.1 Blocked\nc@example.net REJECT 5.7.23 SPF check failed for this sender\nd@example.net 421 4.1.1 Unknown\n');
    assert.deepEqual(result.applied.map((fix) => [fix.line, fix.character, fix.code]), [[0, 21, 'class-mismatch'], [1, 21, 'class-mismatch'], [2, 21, 'missing-code'], [3, 18, 'class-mismatch']]);
    assert.equal(result.dropped, 0);
  });
});
