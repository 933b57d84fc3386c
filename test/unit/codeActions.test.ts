import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/languageService';
import { resolveSettings } from '../../server/src/settings';
import { QUICKFIX_FIXTURES, quickfixText } from '../support/quickfixFixtures';

const service = createLanguageService();
/** The fix each check prefers: the code (or reply code) the context asks for, never a comment that hides the problem. */
const PREFERRED_FIX: Record<string, RegExp> = {
  'class-mismatch': /^(?:Replace \d\.\d+\.\d+ with [245]\.|Change the reply to ([245])\d\d \1\.)/,
  'malformed-code': /^Replace \S+ with [245]\./,
  'deprecated-code': /^Replace [245]\.6\.10 with [245]\.6\.8/,
  'usage-mismatch': /^Make it a (?:permanent|transient) failure: /,
  'unexpected-reply-code': /^Change the reply code \d{3} to \d{3}$/,
  'missing-code': /^(?!Disable)/,
  'invalid-reply-code': /^(?!Disable)/,
};
const everyCheckOn = resolveSettings({ severity: { 'unexpected-reply-code': 'hint', 'missing-code': 'hint' } }).settings;

describe('quick fixes', () => {
  for (const fixture of QUICKFIX_FIXTURES) {
    test(`${fixture.name}: every fix mends its line, and every diagnostic has one`, () => {
      const document = TextDocument.create(fixture.uri, fixture.languageId, 1, quickfixText(fixture.name));
      const diagnostics = service.doValidation(document, everyCheckOn)!.diagnostics;
      assert.ok(diagnostics.length > 0);
      for (const diagnostic of diagnostics) {
        const actions = service.doCodeActions(document, [diagnostic]);
        const edits = actions.filter((action) => action.edit);
        assert.ok(edits.some((action) => !action.title.startsWith('Disable')), `a fix that edits the text for: ${diagnostic.message}`);
        const preferred = actions.filter((action) => action.isPreferred);
        if (diagnostic.code === 'unregistered-code') {
          // The nearest registered code is a guess: offered, never preferred.
          assert.deepEqual(preferred.map((action) => action.title), [], diagnostic.message as string);
        } else {
          assert.equal(preferred.length, 1, `one preferred fix for: ${diagnostic.message}`);
          assert.match(preferred[0].title, PREFERRED_FIX[diagnostic.code as string], `the preferred fix for ${diagnostic.code}`);
        }
        for (const action of edits) {
          const fixedText = TextDocument.applyEdits(document, action.edit!.changes![fixture.uri]);
          const fixed = TextDocument.create(fixture.uri, fixture.languageId, 2, fixedText);
          const addsCommentLine = action.title.startsWith('Disable');
          const line = diagnostic.range.start.line + (addsCommentLine ? 1 : 0);
          const left = service.doValidation(fixed, everyCheckOn)!.diagnostics.filter((d) => d.range.start.line === line);
          assert.deepEqual(left.filter((d) => d.code === diagnostic.code).map((d) => d.message), [], `"${action.title}" on line ${diagnostic.range.start.line}`);
          service.forget(fixture.uri);
        }
        service.forget(fixture.uri);
      }
    });
  }

  test('an unregistered code can be added to the known codes, and then it is no longer reported', () => {
    const document = TextDocument.create('file:///etc/postfix/access', 'plaintext', 1, 'x.example  550 5.7.606 Access denied, banned sending IP\n');
    const [diagnostic] = service.doValidation(document)!.diagnostics;
    const command = service.doCodeActions(document, [diagnostic]).find((action) => action.command)?.command;
    assert.deepEqual(command?.arguments, ['5.7.606', 'workspace']);
    service.forget(document.uri);
    const known = resolveSettings({ knownCodes: { '5.7.6xx': 'Microsoft 365 policy rejections' } }).settings;
    assert.deepEqual(service.doValidation(document, known)!.diagnostics, []);
    const hover = service.doHover(document, { line: 0, character: 17 }, known)!;
    assert.match((hover.contents as { value: string }).value, /\*\*5\.7\.606\*\* Microsoft 365 policy rejections/);
  });

  test('suppression comments use the comment syntax of the file', () => {
    const titles = (uri: string, languageId: string, text: string) => {
      const document = TextDocument.create(uri, languageId, 1, text);
      const [diagnostic] = service.doValidation(document)!.diagnostics;
      const actions = service.doCodeActions(document, [diagnostic]);
      service.forget(uri);
      return actions.filter((a) => a.title.startsWith('Disable')).map((a) => a.edit!.changes![uri][0].newText);
    };
    assert.deepEqual(titles('file:///etc/mail/sendmail.mc', 'plaintext', 'R$*\t$#error $@ 4.7.1 $: "550 Relaying denied"\n'), [
      'dnl smtp-status-codes-disable-next-line class-mismatch\n', 'dnl smtp-status-codes-disable class-mismatch\n',
    ]);
    assert.deepEqual(titles('file:///src/a.ts', 'typescript', '  throw new Error("550 4.1.1 x");\n'), [
      '  // smtp-status-codes-disable-next-line class-mismatch\n', '// smtp-status-codes-disable class-mismatch\n',
    ]);
    assert.deepEqual(titles('file:///var/log/mail.log', 'log', 'said: 550 4.1.1 x\n'), [], 'no comments in a log');
  });
});
