/**
 * The codes offered first after each reply code and each MTA action, as a writer meets them where replies are written:
 * Postfix maps, Exim ACLs, Haraka plugins, SMTP servers in Python, Go and JavaScript.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { withCursor } from '../support/documents';

const service = createLanguageService();

const LANGUAGE_OF: Record<string, string> = { py: 'python', js: 'javascript', go: 'go' };

/** The codes offered before the rest of the class: those ranked first (their sort text starts with 0), in order. */
function firstChoices(textWithCursor: string, uri: string): string[] {
  const { document, position } = withCursor(textWithCursor, uri, LANGUAGE_OF[uri.slice(uri.lastIndexOf('.') + 1)] ?? 'plaintext');
  const items: CompletionItem[] = service.doComplete(document, position)?.items ?? [];
  service.forget(uri);
  return items
    .filter((item) => item.kind === 12 && item.sortText!.startsWith('0'))
    .sort((a, b) => a.sortText!.localeCompare(b.sortText!))
    .map((item) => (item.textEdit as TextEdit).newText);
}

const SERVER_PY = 'file:///srv/relay/smtp_handlers.py';
const HARAKA = 'file:///srv/haraka/plugins/policy.js';
const ACCESS = 'file:///etc/postfix/sender_access';
const EXIM = 'file:///etc/exim4/exim4.conf';
const GO = 'file:///srv/relay/backend.go';

/** [where, the line up to the cursor, the codes offered first]. */
const AFTER_REPLY: [string, string, string[]][] = [
  [SERVER_PY, '        return "250 |"', ['2.0.0', '2.1.0', '2.1.5', '2.6.0']],
  [SERVER_PY, '        return "251 |"', ['2.1.5']],
  [SERVER_PY, '        return "252 |"', ['2.0.0', '2.1.5']],
  [HARAKA, "    connection.respond(421, '|", ['4.7.0', '4.3.2', '4.4.2', '4.7.1']],
  [ACCESS, 'greylist.example.net   450 |', ['4.7.1', '4.2.2', '4.1.1', '4.2.1', '4.1.8', '4.7.0']],
  [EXIM, '  defer   message       = 451 |', ['4.7.1', '4.3.0', '4.4.3', '4.4.0', '4.7.0']],
  [SERVER_PY, '        return "452 |"', ['4.2.2', '4.5.3', '4.3.1', '4.4.5']],
  [SERVER_PY, '            return "454 |"', ['4.7.0', '4.7.12']],
  [SERVER_PY, '        return "455 |"', ['4.5.3', '4.5.4']],
  [SERVER_PY, '        return "500 |"', ['5.5.2', '5.5.1', '5.5.6']],
  [SERVER_PY, '            return "501 |"', ['5.5.4', '5.5.2', '5.1.3', '5.1.7']],
  [SERVER_PY, '        return "502 |"', ['5.5.1', '5.5.2']],
  [SERVER_PY, '        return "503 |"', ['5.5.1', '5.5.0']],
  [SERVER_PY, '        return "504 |"', ['5.5.4', '5.5.2']],
  [SERVER_PY, '        return "521 |"', ['5.3.2', '5.7.1']],
  [SERVER_PY, '            return "530 |"', ['5.7.0', '5.7.11']],
  [SERVER_PY, '            return "534 |"', ['5.7.9']],
  [SERVER_PY, '            return "535 |"', ['5.7.8']],
  [SERVER_PY, '            return "538 |"', ['5.7.11']],
  [ACCESS, 'spammer.example   550 |', ['5.7.1', '5.1.1', '5.7.0', '5.1.0', '5.2.1', '5.7.26', '5.1.8']],
  [ACCESS, 'bob@example.com   550 |', ['5.1.1', '5.2.1', '5.1.6', '5.7.1', '5.2.2']],
  [SERVER_PY, '        return "551 |"', ['5.1.6', '5.7.1']],
  [EXIM, '  deny    condition     = ${if >{$message_size}{50M}}\n          message       = 552 |', ['5.3.4', '5.2.2', '5.2.3']],
  [SERVER_PY, '        return "553 |"', ['5.1.3', '5.7.1', '5.1.7']],
  [GO, 'return &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{|', ['5, 7, 1', '5, 6, 0', '5, 3, 0', '5, 7, 0']],
  [SERVER_PY, '        return "555 |"', ['5.5.4']],
  [SERVER_PY, '        return "556 |"', ['5.1.10']],
];

describe('completion: the codes writers choose come first', () => {
  test('after each reply code, the codes that go with what it says, in the order writers use them', () => {
    for (const [uri, line, expected] of AFTER_REPLY) assert.deepEqual(firstChoices(line, uri), expected, line);
  });

  test('after an action: a refusal for policy first; after a deferral, the transient codes writers use', () => {
    assert.deepEqual(firstChoices('spammer@example.net   REJECT |', ACCESS), ['5.7.1', '5.1.1', '5.7.0', '5.1.8', '5.7.23', '5.7.25', '5.2.1']);
    assert.deepEqual(firstChoices("    return next(DENY, '|", HARAKA), ['5.7.1', '5.1.1', '5.7.0', '5.1.8', '5.7.23', '5.7.25', '5.2.1']);
    assert.deepEqual(firstChoices('busy.example.org   DEFER |', ACCESS), ['4.7.1', '4.2.2', '4.7.0', '4.3.0', '4.4.3', '4.1.1']);
    assert.deepEqual(firstChoices("    return next(DENYSOFT, '|", HARAKA), ['4.7.1', '4.2.2', '4.7.0', '4.3.0', '4.4.3', '4.1.1']);
  });

  test('a reply code no writer favours ranks by the registry alone', () => {
    assert.deepEqual(firstChoices('        return "235 |"', SERVER_PY), []);
  });
});
