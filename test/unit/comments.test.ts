import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findSuppressions, isSuppressed } from '../../server/src/comments';
import { createLanguageService } from '../../server/src/languageService';

const service = createLanguageService();

/** The text of the two comments the quick fixes offer for the first diagnostic: for this line, for the whole file. */
function disableComments(uri: string, languageId: string, text: string, which = 0): string[] {
  const document = TextDocument.create(uri, languageId, 1, text);
  const diagnostic = service.doValidation(document)!.diagnostics[which];
  assert.ok(diagnostic, `a diagnostic in ${uri}`);
  const actions = service.doCodeActions(document, [diagnostic]);
  service.forget(uri);
  return actions.filter((action) => action.title.startsWith('Disable')).map((action) => action.edit!.changes![uri][0].newText);
}

function diagnosedLines(text: string, uri = 'file:///srv/relay/replies.py', languageId = 'python'): [number, string][] {
  const document = TextDocument.create(uri, languageId, 1, text);
  const diagnostics = service.doValidation(document)!.diagnostics;
  service.forget(uri);
  return diagnostics.map((diagnostic) => [diagnostic.range.start.line, String(diagnostic.code)]);
}

describe('disable comments in the comment syntax of each language', () => {
  test('source code: the line comment of each language the editor names', () => {
    const prefixes: Record<string, [string, string][]> = {
      '//': [['javascript', 'js'], ['javascriptreact', 'jsx'], ['typescript', 'ts'], ['typescriptreact', 'tsx'], ['java', 'java'], ['csharp', 'cs'],
        ['c', 'c'], ['cpp', 'cpp'], ['go', 'go'], ['rust', 'rs'], ['php', 'php'], ['swift', 'swift'], ['kotlin', 'kt'], ['scala', 'scala'],
        ['dart', 'dart'], ['groovy', 'groovy'], ['fsharp', 'fs']],
      '#': [['python', 'py'], ['ruby', 'rb'], ['perl', 'pl'], ['shellscript', 'sh'], ['powershell', 'ps1'], ['r', 'R'], ['elixir', 'ex']],
      '--': [['lua', 'lua'], ['haskell', 'hs']],
      '%': [['erlang', 'erl']],
      "'": [['vb', 'vb']],
      ';': [['clojure', 'clj']],
    };
    for (const [prefix, languages] of Object.entries(prefixes)) {
      for (const [languageId, extension] of languages) {
        assert.deepEqual(disableComments(`file:///srv/relay/replies.${extension}`, languageId, '    reply("550 4.1.1 Mailbox unavailable")\n'), [
          `    ${prefix} smtp-status-codes-disable-next-line class-mismatch\n`, `${prefix} smtp-status-codes-disable class-mismatch\n`,
        ], languageId);
      }
    }
  });

  test('data and settings files with comments; none in JSON, Markdown, logs or mail', () => {
    const line = 'reply: "550 4.1.1 Mailbox unavailable"\n';
    const comment = (prefix: string) => [`${prefix} smtp-status-codes-disable-next-line class-mismatch\n`, `${prefix} smtp-status-codes-disable class-mismatch\n`];
    assert.deepEqual(disableComments('file:///srv/relay/replies.yaml', 'yaml', line), comment('#'));
    assert.deepEqual(disableComments('file:///srv/relay/replies.toml', 'toml', 'reply = "550 4.1.1 Mailbox unavailable"\n'), comment('#'));
    assert.deepEqual(disableComments('file:///srv/relay/replies.properties', 'properties', 'reply=550 4.1.1 Mailbox unavailable\n'), comment('#'));
    assert.deepEqual(disableComments('file:///srv/relay/replies.ini', 'ini', 'reply = "550 4.1.1 Mailbox unavailable"\n'), comment(';'), 'INI reads # too, but PHP and Windows read only ;');
    assert.deepEqual(disableComments('file:///srv/relay/replies.sql', 'sql', "INSERT INTO replies VALUES ('550 4.1.1 Mailbox unavailable');\n"), comment('--'));
    assert.deepEqual(disableComments('file:///srv/relay/replies.jsonc', 'jsonc', '{ "reply": "550 4.1.1 Mailbox unavailable" }\n'), comment('//'));
    assert.deepEqual(disableComments('file:///srv/relay/replies.json', 'json', '{ "reply": "550 4.1.1 Mailbox unavailable" }\n'), []);
    assert.deepEqual(disableComments('file:///srv/docs/replies.md', 'markdown', 'The relay answers `550 4.1.1 Mailbox unavailable`.\n'), []);
    assert.deepEqual(disableComments('file:///home/a/bounce.eml', 'plaintext', 'Diagnostic-Code: smtp; 550 4.1.1 Mailbox unavailable\n'), []);
  });

  test('configuration: # everywhere, dnl in m4; indented only where indentation does not continue the line before', () => {
    assert.deepEqual(disableComments('file:///etc/postfix/sender_access', 'plaintext', 'spammer@example.net   REJECT 4.1.1 Go away\n'), [
      '# smtp-status-codes-disable-next-line class-mismatch\n', '# smtp-status-codes-disable class-mismatch\n',
    ]);
    assert.deepEqual(disableComments('file:///etc/postfix/header_checks', 'plaintext', '/^Subject: a/ REJECT\n  550 4.1.1 Go away\n'), [
      '# smtp-status-codes-disable-next-line class-mismatch\n', '# smtp-status-codes-disable class-mismatch\n',
    ], 'an indented line continues the one before in a Postfix table');
    const access = 'From:spammer@example.net\tERROR:"550 4.1.1 Go away"\n  From:b@example.net\tERROR:"550 4.1.1 Go away"\n';
    assert.deepEqual(disableComments('file:///etc/mail/access', 'plaintext', access, 1), [
      '# smtp-status-codes-disable-next-line class-mismatch\n', '# smtp-status-codes-disable class-mismatch\n',
    ]);
    assert.deepEqual(disableComments('file:///etc/exim4/exim4.conf', 'plaintext', 'begin acl\n\nacl_check_rcpt:\n  deny message = 550 4.1.1 No such user\n'), [
      '  # smtp-status-codes-disable-next-line class-mismatch\n', '# smtp-status-codes-disable class-mismatch\n',
    ]);
    assert.deepEqual(disableComments('file:///etc/smtpd.conf', 'plaintext', 'listen on lo\nmatch from any for domain "example.org" reject\n  # 550 4.1.1 unknown\n  action "x" relay reply "550 4.1.1 No such user"\n').slice(0, 1), [
      '  # smtp-status-codes-disable-next-line class-mismatch\n',
    ]);
    assert.deepEqual(disableComments('file:///etc/mail/sendmail.cf', 'plaintext', 'R$*\t$#error $@ 4.7.1 $: "550 Relaying denied"\n'), [
      '# smtp-status-codes-disable-next-line class-mismatch\n', '# smtp-status-codes-disable class-mismatch\n',
    ]);
    assert.deepEqual(disableComments('file:///etc/mail/sendmail.MC', 'plaintext', 'R$*\t$#error $@ 4.7.1 $: "550 Relaying denied"\n').map((text) => text.split(' ')[0]), ['dnl', 'dnl']);
  });
});

describe('disable comments switch checks off', () => {
  test('for the next line or the whole file, one check, several, or all', () => {
    const reply = '"550 4.1.1 x"\n"550 5.9.9 y"\n';
    const cases: [string, [number, string][]][] = [
      ['# smtp-status-codes-disable-next-line class-mismatch unregistered-code\n"550 4.1.1 x"\n"550 5.9.9 y"', [[2, 'unregistered-code']]],
      ['# smtp-status-codes-disable-next-line\n"550 4.1.1 x" "550 5.9.9 z"\n"550 5.9.9 y"', [[2, 'unregistered-code']]],
      [`# smtp-status-codes-disable unregistered-code\n# smtp-status-codes-disable class-mismatch\n${reply}`, []],
      [`# smtp-status-codes-disable unregistered-code\n# smtp-status-codes-disable\n${reply}`, []],
      [`# smtp-status-codes-disable\n# smtp-status-codes-disable unregistered-code\n${reply}`, []],
      [`# smtp-status-codes-disable-next-line unregistered-code\n${reply}`, [[1, 'class-mismatch'], [2, 'unregistered-code']]],
      [`# smtp-status-codes-disabled class-mismatch\n${reply}`, [[1, 'class-mismatch'], [2, 'unregistered-code']]],
      [`# no smtp-status-codes comment here\n${reply}`, [[1, 'class-mismatch'], [2, 'unregistered-code']]],
    ];
    for (const [text, expected] of cases) assert.deepEqual(diagnosedLines(text), expected, text);
  });

  test('comments on the same line add up; a bare one covers every check', () => {
    const twice = findSuppressions('x # smtp-status-codes-disable-next-line class-mismatch # smtp-status-codes-disable-next-line unregistered-code\ny');
    assert.deepEqual([...twice.lines.entries()].map(([line, checks]) => [line, checks === true ? true : [...checks]]), [[1, ['class-mismatch', 'unregistered-code']]]);
    assert.equal(twice.file, undefined);
    assert.equal(isSuppressed(twice, 1, 'unregistered-code'), true);
    assert.equal(isSuppressed(twice, 1, 'malformed-code'), false);
    assert.equal(isSuppressed(twice, 0, 'class-mismatch'), false);
    const all = findSuppressions('a\n// smtp-status-codes-disable-next-line unregistered-code\n// smtp-status-codes-disable-next-line  \t\nb');
    assert.deepEqual([...all.lines.entries()], [[2, new Set(['unregistered-code'])], [3, true]]);
    const spaced = findSuppressions('# smtp-status-codes-disable-next-line \t class-mismatch   unregistered-code  \nx');
    assert.deepEqual([...spaced.lines.entries()], [[1, new Set(['class-mismatch', 'unregistered-code'])]], 'any run of blanks between names');
    const wholeFile = findSuppressions('-- smtp-status-codes-disable  Class-mismatch\n');
    assert.equal(wholeFile.file, true, 'a check is named in lower case; anything else is a comment on the comment');
    assert.equal(isSuppressed(wholeFile, 7, 'deprecated-code'), true);
    assert.deepEqual(findSuppressions('nothing to switch off\n'), { file: undefined, lines: new Map() });
  });

  test('a mistyped comment switches nothing off, rather than every check in the file', () => {
    for (const typo of ['# smtp-status-codes-disable-next-linex class-mismatch', '# smtp-status-codes-disable-nextline', '// smtp-status-codes-disable-line', '# smtp-status-codes-disabled']) {
      assert.deepEqual(findSuppressions(`${typo}\nbusy.example.net   REJECT 4.7.1 Try later\n`), { file: undefined, lines: new Map() }, typo);
    }
  });
});
