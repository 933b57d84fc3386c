import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { withCursor } from '../support/documents';

const service = createLanguageService();

function complete(text: string, uri: string, languageId = 'plaintext'): CompletionItem[] {
  const { document, position } = withCursor(text, uri, languageId);
  const items = service.doComplete(document, position)?.items ?? [];
  service.forget(uri);
  return items;
}

/** The text after accepting `item` (snippet placeholders resolved to their defaults). */
function accept(text: string, uri: string, item: CompletionItem): string {
  const { document } = withCursor(text, uri);
  const edit = item.textEdit as { range: never; newText: string };
  return TextDocument.applyEdits(document, [{ range: edit.range, newText: edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1') }]);
}

const codes = (items: CompletionItem[]) => items.filter((item) => item.kind === 12).map((item) => item.label);
const snippets = (items: CompletionItem[]) => items.filter((item) => item.kind === 15).map((item) => item.label);

describe('completion in MTA configuration and code', () => {
  test('Postfix access map: actions as snippets, then codes of the class the action implies', () => {
    const uri = 'file:///etc/postfix/sender_access';
    assert.deepEqual(snippets(complete('spammer@example.net   |', uri)).slice(0, 2), ['REJECT 5.7.1 Access denied', 'DEFER 4.7.1 Try again later']);
    const rejected = complete('spammer@example.net   REJECT |', uri);
    assert.ok(codes(rejected).length > 30 && codes(rejected).every((code) => code.startsWith('5.')));
    const deferred = codes(complete('example.org   DEFER 4.|', uri));
    assert.ok(deferred.length > 30 && deferred.every((code) => code.startsWith('4.')), deferred.join(' '));
    const item = complete('spammer@example.net   REJ|', uri).find((i) => i.label === 'REJECT 5.7.1 Access denied')!;
    assert.equal(accept('spammer@example.net   REJ|', uri, item), 'spammer@example.net   REJECT 5.7.1 Access denied');
  });

  test('Postfix header_checks: after 5.7. the item replaces exactly what was typed', () => {
    const uri = 'file:///etc/postfix/header_checks';
    const text = '/^Subject:.*viagra/   REJECT 5.7.|';
    const item = complete(text, uri).find((i) => i.label === '5.7.26')!;
    assert.equal(accept(text, uri, item), '/^Subject:.*viagra/   REJECT 5.7.26');
  });

  test('Exim ACL: reply snippets after message =, codes after the reply code', () => {
    const uri = 'file:///etc/exim4/exim4.conf';
    assert.ok(snippets(complete('  deny    message       = |', uri)).includes('550 5.7.1 Access denied'));
    const transient = codes(complete('  defer   message       = 451 |', uri));
    assert.ok(transient.length > 30 && transient.every((code) => code.startsWith('4.')), transient.join(' '));
  });

  test('Sendmail access and rules', () => {
    const access = complete('To:sales@example.com   ERROR:|', 'file:///etc/mail/access');
    assert.ok(snippets(access).includes('ERROR:5.7.1:550 Access denied'));
    const rule = complete('R$* < @ $* . > $*\t$#error $@ |', 'file:///etc/mail/sendmail.mc');
    assert.ok(codes(rule).includes('5.7.1') && codes(rule).includes('4.7.1'));
  });

  test('OpenSMTPD filters', () => {
    const uri = 'file:///etc/smtpd.conf';
    assert.ok(snippets(complete('filter check_rdns phase connect match !rdns reject |', uri)).includes('"550 5.7.1 Access denied"'));
    assert.ok(codes(complete('filter check_rdns phase connect match !rdns reject "550 |', uri)).includes('5.7.25'));
  });

  test('Haraka plugin: the verdict sets the class', () => {
    const uri = 'file:///srv/haraka/plugins/example.js';
    const soft = codes(complete("return next(DENYSOFT, '|", uri, 'javascript'));
    assert.ok(soft.length > 30 && soft.every((code) => code.startsWith('4.')), soft.join(' '));
    assert.ok(codes(complete("return next(DENY, '|", uri, 'javascript')).includes('5.7.1'));
  });

  test('a reply string in source code: whole replies as the reply code is typed', () => {
    const uri = 'file:///src/server.py';
    const items = complete('        return "55|', uri, 'python');
    assert.deepEqual(snippets(items).slice(0, 3), ['550 5.1.1 User unknown', '550 5.7.1 Relaying denied', '554 5.7.1 Message rejected for policy reasons']);
    assert.equal(accept('        return "55|', uri, items[0]), '        return "550 5.1.1 User unknown');
    assert.deepEqual(complete('        version = "5|', uri, 'python'), [], 'one digit is not yet a reply');
    assert.deepEqual(complete('        x = 55|', uri, 'python'), []);
  });

  test('documentation is added when an item is resolved', () => {
    const item = complete('"550 5.1.|', 'file:///src/a.js', 'javascript').find((i) => i.label === '5.1.1')!;
    assert.equal(item.documentation, undefined, 'not sent with the list');
    assert.match((service.doResolveCompletion(item).documentation as { value: string }).value, /Bad destination mailbox address/);
  });

  test('hover on a Haraka DSN helper shows the reply it produces', () => {
    const { document, position } = withCursor("return next(DENY, DSN.relaying_den|ied('No relay for you', 450));", 'file:///srv/haraka/plugins/x.js', 'javascript');
    const value = (service.doHover(document, position)!.contents as { value: string }).value;
    assert.match(value, /Haraka replies `450 4\.7\.1 No relay for you`/);
    assert.match(value, /Delivery not authorized, message refused/);
  });
});
