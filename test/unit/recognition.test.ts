/**
 * Where a dotted triple is a status code, as a user sees it: coloured by class (semantic tokens, with its reply code beside
 * it), and checked only where the context is confident. Each case is a context the scanner reads from the characters
 * around the code, and its near miss.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/features/semanticTokens';
import { resolveSettings } from '../../server/src/settings';
import { documentOf } from '../support/documents';

const service = createLanguageService();

const SOURCE = 'file:///srv/relay/replies.py';
const LOG = 'file:///var/log/mail.log';
const ACCESS = 'file:///etc/postfix/sender_access';
const SENDMAIL = 'file:///etc/mail/access';
const BOUNCE = 'file:///home/alice/Mail/bounce.eml';
const DATA = 'file:///srv/relay/codes.json';
const TEXT = 'file:///notes/replies.txt';

const C_SOURCE = 'file:///src/replies.c';
const LANGUAGE: Record<string, string> = { [SOURCE]: 'python', [LOG]: 'log', [DATA]: 'json', [C_SOURCE]: 'c', 'file:///srv/relay/replies.js': 'javascript' };

/** Each coloured token of the first line: its text and type, `!` where it is marked invalid. */
function coloured(text: string, uri: string): string[] {
  const document = documentOf(text, uri, LANGUAGE[uri] ?? 'plaintext');
  const data = service.doSemanticTokens(document);
  service.forget(uri);
  const line = text.split(/\r\n|\r|\n/)[0];
  const tokens: string[] = [];
  for (let i = 0, start = 0; i < data.length && data[i] === 0; i += 5) {
    start += data[i + 1];
    tokens.push(`${line.slice(start, start + data[i + 2])} ${SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]]}${data[i + 4] & 1 ? '!' : ''}`);
  }
  return tokens;
}

/** Every coloured token of every line, `line:text type`. */
function allColoured(text: string, uri: string, languageId = LANGUAGE[uri] ?? 'plaintext', settings = resolveSettings({}).settings): string[] {
  const document = documentOf(text, uri, languageId);
  const data = service.doSemanticTokens(document, settings);
  service.forget(uri);
  const lines = text.split(/\r\n|\r|\n/);
  const tokens: string[] = [];
  for (let i = 0, line = 0, start = 0; i < data.length; i += 5) {
    if (data[i] > 0) start = 0;
    line += data[i];
    start += data[i + 1];
    tokens.push(`${line}:${lines[line].slice(start, start + data[i + 2])} ${SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]]}${data[i + 4] & 1 ? '!' : ''}`);
  }
  return tokens;
}

/** The checks reported, with the column of each. */
function problems(text: string, uri: string): string[] {
  const document = documentOf(text, uri, LANGUAGE[uri] ?? 'plaintext');
  const found = service.doValidation(document)!.diagnostics.map((d) => `${d.range.start.character} ${d.code}`);
  service.forget(uri);
  return found;
}

describe('a reply code right before the code', () => {
  test('a space, two spaces, a continuation dash, and the start of a line', () => {
    assert.deepEqual(coloured('reply("550-4.7.26 Unauthenticated")', SOURCE), ['550 replyCodePermanent', '4.7.26 statusCodeTransient!']);
    assert.deepEqual(problems('reply("550-4.7.26 Unauthenticated")', SOURCE), ['11 class-mismatch']);
    assert.deepEqual(problems('reply("550  4.1.1 Unknown")', SOURCE), ['12 class-mismatch']);
    assert.deepEqual(coloured('550 5.1.1 <a@example.org>: Recipient address rejected', LOG), ['550 replyCodePermanent', '5.1.1 statusCodePermanent']);
    assert.deepEqual(coloured('Nov 28 host: #550 5.1.1 x', LOG), ['550 replyCodePermanent', '5.1.1 statusCodePermanent']);
  });

  test('after a written line break in a string, as in a multi-line reply', () => {
    assert.deepEqual(problems('msg = "250-OK\\n550-4.7.1 Denied"', SOURCE), ['19 class-mismatch']);
  });

  test('glued to a word, a dot or another digit it is no reply code; nor is a number outside 2xx-5xx', () => {
    assert.deepEqual(problems('reply("559 4.1.1 x")', SOURCE), ['11 class-mismatch'], 'a 5xx reply code of any digits');
    for (const text of ['reply("x550 4.1.1 x")', 'reply("Z550 4.1.1 x")', 'reply("z550 4.1.1 x")', 'reply(".550 4.1.1 x")', 'reply("650 4.1.1 x")', 'reply("150 4.1.1 x")']) {
      assert.deepEqual(problems(text, SOURCE), [], text);
    }
  });

  test('a class 3 or 1 code after a reply code is malformed, and coloured as wrong', () => {
    assert.deepEqual(coloured('said: 550 1.1.1 x', LOG), ['550 replyCodePermanent', '1.1.1 statusCode!']);
    assert.deepEqual(problems('reply("550 3.1.1 x")', SOURCE), ['11 malformed-code']);
    assert.deepEqual(coloured('reply("550 3.1.1 x")', SOURCE), ['550 replyCodePermanent', '3.1.1 statusCode!']);
  });
});

describe('a reply code passed as a separate argument', () => {
  test('milter-style strings and numbers, with or without spaces; the reply code is coloured where it stands', () => {
    assert.deepEqual(coloured('setReply("550", "4.7.1", "No")', SOURCE), ['550 replyCodePermanent', '4.7.1 statusCodeTransient!']);
    assert.deepEqual(problems("respond(550, '4.7.1 No')", SOURCE), ['14 class-mismatch']);
    assert.deepEqual(problems("respond(550,'4.7.1 No')", SOURCE), ['13 class-mismatch']);
    assert.deepEqual(problems("respond(550 , '4.7.1 No')", SOURCE), ['15 class-mismatch']);
  });
});

describe('an MTA action before the code', () => {
  test('Postfix actions in any case, error and retry transports', () => {
    assert.deepEqual(problems('spammer@example.net   REJECT 4.7.1 Go away', ACCESS), ['29 class-mismatch']);
    assert.deepEqual(problems('spammer@example.net   reject 4.7.1 Go away', ACCESS), ['29 class-mismatch']);
    assert.deepEqual(coloured('example.org   error:5.4.1 No such domain', ACCESS), ['5.4.1 statusCodePermanent']);
  });

  test('any white space a regular expression\'s \\s matches may stand between an action and the space before its code', () => {
    const spaces = ['\t', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    for (const space of spaces) {
      const text = `spammer@example.net   REJECT${space} 4.7.1 Go away`;
      assert.deepEqual(problems(text, ACCESS), ['30 class-mismatch'], JSON.stringify(space));
      assert.deepEqual(problems(`spammer@example.net   REJECT${space}4.7.1 Go away`, ACCESS), ['29 class-mismatch'], `${JSON.stringify(space)} alone`);
    }
    for (const notSpace of ['\u180e', '\u200b', '\u2060', '\u00ad']) {
      assert.deepEqual(problems(`spammer@example.net   REJECT${notSpace} 4.7.1 Go away`, ACCESS), [], JSON.stringify(notSpace));
    }
  });

  test('Sendmail: the reply code after the code, in ERROR: and in $#error rules', () => {
    assert.deepEqual(coloured('From:spam.example  ERROR:5.7.1:450 Go away', SENDMAIL), ['5.7.1 statusCodePermanent!', '450 replyCodeTransient']);
    assert.deepEqual(problems('From:spam.example  ERROR:5.7.1:450 Go away', SENDMAIL), ['25 class-mismatch']);
    assert.deepEqual(coloured('R$*  $#error $@ 4.7.1 $: "550 Denied"', 'file:///etc/mail/sendmail.mc'), ['4.7.1 statusCodeTransient!', '550 replyCodePermanent']);
    for (const rule of ['R$*  $#error $@ 4.7.1$:"550 Denied"', 'R$*  $#error $@ 4.7.1   $:   550 Denied']) {
      assert.deepEqual(problems(rule, 'file:///etc/mail/sendmail.mc'), ['16 class-mismatch'], rule);
    }
    assert.deepEqual(problems('R$*  $#error $@ 4.7.1 text $: "550 Denied"', 'file:///etc/mail/sendmail.mc'), [], 'the reply code must follow the code');
  });

  test('Haraka verdicts set the class of the text after them', () => {
    assert.deepEqual(problems('return next(DENYSOFT, "5.7.1 Try later");', 'file:///srv/haraka/plugins/rcpt.js'), ['23 class-mismatch']);
    assert.deepEqual(problems('return next(OK, "5.7.1 Fine");', 'file:///srv/haraka/plugins/rcpt.js'), [], 'OK implies no class');
  });
});

describe('status fields and named keys', () => {
  test('dsn= in a log, at the start of a line or after a separator; not inside a longer word', () => {
    assert.deepEqual(coloured('dsn=5.1.1, status=bounced', LOG), ['5.1.1 statusCodePermanent']);
    assert.deepEqual(coloured('x,dsn=5.1.1 y', LOG), ['5.1.1 statusCodePermanent']);
    assert.deepEqual(coloured('x_dsn=5.1.1 y', LOG), []);
    assert.deepEqual(coloured('xdsn=5.1.1 y', LOG), []);
  });

  test('Status: and X-Status: in a bounce, qmail\'s (#5.1.1)', () => {
    assert.deepEqual(coloured('Status: 5.1.1', BOUNCE), ['5.1.1 statusCodePermanent']);
    assert.deepEqual(coloured('X-Status: 4.4.7', BOUNCE), ['4.4.7 statusCodeTransient']);
    assert.deepEqual(coloured('delivery 12: failure: Sorry, no mailbox here by that name. (#5.1.1)', LOG), ['5.1.1 statusCodePermanent']);
    assert.deepEqual(coloured('x #5.1.1 y', TEXT), []);
  });

  test('keys in code and data, quoted or not, written in any of their usual spellings', () => {
    const keys = ['dsn', 'status', 'x-status', 'xstatus', 'enhanced_code', 'enhanced-code', 'enhancedcode', 'enhanced_status_code', 'enhanced-status-code',
      'enhancedStatusCode', 'enhancedstatus', 'esc', 'status_code', 'status-code', 'statuscode', 'dsn_code', 'dsn-code', 'dsncode', 'dsn_status', 'dsn-status', 'dsnstatus'];
    for (const key of [...keys.map((k) => `"${k}"`), '"esc" ', 'status_code']) {
      const text = `event = { ${key}: "4.9.9" }`;
      assert.deepEqual(problems(text, SOURCE), [`${text.indexOf('4.9.9')} unregistered-code`], key);
    }
    assert.deepEqual(problems('send(XCODE_REJECT "5.7.99 Relaying denied")', SOURCE), ['19 unregistered-code']);
    assert.deepEqual(problems('XCODE = "5.7.99 x"', SOURCE), ['9 unregistered-code']);
    assert.deepEqual(problems('xcode: "5.7.99 x"', SOURCE), ['8 unregistered-code']);
    assert.deepEqual(problems('event = { "status", "5.9.9" }', SOURCE), [], 'a list of words is not a field');
  });
});

describe('codes alone in a string or a literal', () => {
  test('a string that starts with a code and a capitalised word is a reply text', () => {
    assert.deepEqual(problems("return '5.7.99 Authentication failed'", SOURCE), ['8 unregistered-code']);
    assert.deepEqual(problems("return '5.7.99 authentication failed'", SOURCE), [], 'not a sentence: a literal, not checked');
  });

  test('a literal that is only a code hovers where the file holds codes too, unless a version is spoken of', () => {
    const source = (line: string) => `${line}\nreply("550 5.1.1 User unknown")`;
    assert.deepEqual(coloured(source("x = { '5.1.1' => :no_such_user }"), SOURCE), ['5.1.1 statusCodePermanent']);
    assert.deepEqual(coloured(source("KNOWN = %w(5.1.1 5.2.2)"), SOURCE), ['5.1.1 statusCodePermanent', '5.2.2 statusCodePermanent']);
    for (const line of ["version '5.1.1'", "release = '5.1.1'", "ver '5.1.1'", 'KNOWN = [5.1.1]']) assert.deepEqual(coloured(source(line), SOURCE), [], line);
    assert.deepEqual(coloured(source("server '5.1.1'"), SOURCE), ['5.1.1 statusCodePermanent'], '"server" is no version');
    assert.deepEqual(coloured('["5.1.1", "4.2.2", {"dsn": "5.7.1"}]', DATA), ['5.1.1 statusCodePermanent', '4.2.2 statusCodeTransient', '5.7.1 statusCodePermanent']);
    assert.deepEqual(coloured('["5.1.1", "4.2.2"]', DATA), [], 'a list of versions, for all this file says');
  });
});

describe('bare codes', () => {
  test('in text after a colon or semicolon and before a break; not before a number or inside a longer word', () => {
    assert.deepEqual(coloured('The code: 5.1.1.', TEXT), ['5.1.1 statusCodePermanent']);
    assert.deepEqual(coloured('The code; 5.1.1', TEXT), ['5.1.1 statusCodePermanent']);
    assert.deepEqual(coloured('The code: 5.1.1.x', TEXT), []);
    assert.deepEqual(problems('The code: 5.9.9.', TEXT), [], 'a bare code is shown, not checked');
    assert.deepEqual(coloured('code: 5.1.1 2', TEXT), []);
    assert.deepEqual(coloured('The code (5.1.1)', TEXT), []);
    assert.deepEqual(coloured('5.1.1 first', TEXT), []);
  });

  test('in a log also after a parenthesis or at the start of a line; hovered, never checked', () => {
    assert.deepEqual(coloured('The code (5.1.1)', LOG), ['5.1.1 statusCodePermanent']);
    assert.deepEqual(coloured('5.9.9 first', LOG), ['5.9.9 statusCodePermanent']);
    assert.deepEqual(problems('5.9.9 first', LOG), []);
    assert.deepEqual(coloured('x: 4.7.500 y', LOG), ['4.7.500 statusCodeTransient'], 'a three-digit detail');
    assert.deepEqual(coloured('x: (5.01.1) y', LOG), [], 'a malformed triple alone is not taken for a code');
  });

  test('as the value of a map key in MTA configuration', () => {
    assert.deepEqual(coloured('relay.example   5.1.6 Moved', ACCESS), ['5.1.6 statusCodePermanent']);
    assert.deepEqual(coloured('  relay.example 5.1.6', ACCESS), []);
  });
});

describe('comments and the shape of a code', () => {
  test('a reply in a comment is coloured but not checked; a C preprocessor line is code', () => {
    for (const line of ['// reply("550 4.1.1 x")', '# reply("550 4.1.1 x")', 'x = 1 // "550 4.1.1 x"', '-- "550 4.1.1 x"', '  * "550 4.1.1 x"']) {
      assert.deepEqual(problems(line, C_SOURCE), [], line);
      assert.deepEqual(coloured(line, C_SOURCE).length, 2, line);
    }
    assert.deepEqual(problems('#define X "550 4.1.1 x"', C_SOURCE), ['15 class-mismatch']);
    assert.deepEqual(problems('# define X "550 4.1.1 x"', C_SOURCE), ['16 class-mismatch']);
    assert.deepEqual(problems('x = 2 * 3; reply("550 4.1.1 x")', C_SOURCE), ['22 class-mismatch'], 'a * inside a line opens no comment');
  });

  test('a comment after code is found on every line, whatever `//` came before it', () => {
    const lines = [
      '    fetch("http://example.com/reply"); reply("550 4.1.1 x")',
      'x = 1; // reply("550 4.1.1 x")',
      'url = "https://a//b"; reply("550 4.2.1 x")',
      'y = 2;  //  see reply("550 4.1.1 x")',
      'reply("550 4.1.1 x") // http://example.com',
    ];
    const flagged = [lines[0], lines[2], lines[4]].map((line) => `${line.indexOf('4.')} class-mismatch`);
    assert.deepEqual(problems(lines.join('\n'), C_SOURCE), flagged);
  });

  test('a commented-out setting in YAML, TOML or JSON with comments is coloured but not checked; the setting in force is', () => {
    const yaml = 'file:///srv/relay/replies.yaml';
    const toml = 'file:///srv/relay/replies.toml';
    const jsonc = 'file:///srv/relay/replies.jsonc';
    Object.assign(LANGUAGE, { [yaml]: 'yaml', [toml]: 'toml', [jsonc]: 'jsonc' });
    for (const [line, uri] of [['  # reject: "550 4.1.1 Mailbox unavailable"', yaml], ['# reject = "550 4.1.1 Mailbox unavailable"', toml], ['  // "reject": "550 4.1.1 Mailbox unavailable",', jsonc]]) {
      assert.deepEqual(problems(line, uri), [], line);
      assert.deepEqual(coloured(line, uri).length, 2, line);
    }
    assert.deepEqual(problems('reject: "550 4.1.1 Mailbox unavailable" # was 450', yaml), ['13 class-mismatch'], 'a comment after the value does not hide it');
    assert.deepEqual(problems('  "reject": "550 4.1.1 Mailbox unavailable", // see RFC 3463', jsonc), ['17 class-mismatch']);
    const sql = 'file:///srv/relay/replies.sql';
    LANGUAGE[sql] = 'sql';
    assert.deepEqual(problems("-- INSERT INTO replies VALUES ('550 4.1.1 Mailbox unavailable');", sql), []);
    assert.deepEqual(problems("INSERT INTO replies VALUES ('550 4.1.1 Mailbox unavailable');", sql), ['33 class-mismatch']);
    assert.deepEqual(problems('- "550 4.1.1 Mailbox unavailable"', yaml), ['7 class-mismatch'], 'a list item is no comment');
    assert.deepEqual(problems('/relay/reject: "550 4.1.1 Mailbox unavailable"', yaml), ['20 class-mismatch'], 'a key that is a path is no comment');
    assert.deepEqual(problems('# Reply 550 4.1.1 Mailbox unavailable', TEXT), ['12 class-mismatch'], 'in plain text a # starts no comment');
    assert.deepEqual(problems('# "reject": "550 4.1.1 Mailbox unavailable"', DATA), ['17 class-mismatch'], 'JSON has no comments');
    const ini = 'file:///srv/relay/replies.ini';
    LANGUAGE[ini] = 'ini';
    assert.deepEqual(problems('# reject = "550 4.1.1 Mailbox unavailable"', ini), []);
  });

  test('a commented-out rule in MTA configuration is coloured but not checked; a # inside a rule is text', () => {
    for (const line of ['# spammer@example.net   REJECT 4.7.1 Go away', '  #spammer@example.net REJECT 4.7.1 Go away']) {
      assert.deepEqual(problems(line, ACCESS), [], line);
      assert.deepEqual(coloured(line, ACCESS), ['4.7.1 statusCodeTransient'], line);
    }
    assert.deepEqual(problems('spammer@example.net   REJECT 4.7.1 see ticket #12', ACCESS), ['29 class-mismatch']);
    assert.deepEqual(problems('# From:spammer@example.net ERROR:4.7.1:550 Go away', SENDMAIL), []);
    assert.deepEqual(problems('From:spammer@example.net ERROR:4.7.1:550 Go away', SENDMAIL), ['31 class-mismatch']);
    const mc = 'file:///etc/mail/sendmail.mc';
    assert.deepEqual(problems('dnl FEATURE(`access_db\') ERROR:4.7.1:550 Go away', mc), []);
  });

  test('a longer dotted number, a version, an address are not codes; a dash and a word after it neither', () => {
    for (const text of ['said: 550 5.1.1.2 odd', 'said: 550 5.1.1-x odd', 'said: 550 v5.1.1', 'said: 550 @5.1.1']) assert.deepEqual(coloured(text, LOG), [], text);
    assert.deepEqual(coloured('said: 550 5.1.1-', LOG), ['550 replyCodePermanent', '5.1.1 statusCodePermanent']);
  });

  test('the value of a version key is no code, in any kind of file', () => {
    const versions: [string, string, string][] = [
      ['X-Mailman-Version: 2.1.6', 'file:///srv/mail/bounce.eml', 'plaintext'],
      ['Standards-Version: 4.4.1', 'file:///src/debian/control', 'plaintext'],
      ['Next planned release: 2.0.0', 'file:///src/README.md', 'markdown'],
      ["__version__ = '5.1.1 RC1'", 'file:///src/pkg/__init__.py', 'python'],
      ["PACKAGE = {'name': 'relay', 'version': '5.1.1 RC1'}", 'file:///src/setup.py', 'python'],
      ["const build = { ver: '5.7.1 Final' };", 'file:///src/build.js', 'javascript'],
      ['module.exports = { "version": "5.1.1 RC1" };', 'file:///src/package.js', 'javascript'],
      ["version '5.1.1 RC1'", 'file:///src/build.gradle', 'groovy'],
    ];
    for (const [line, uri, languageId] of versions) {
      LANGUAGE[uri] = languageId;
      assert.deepEqual(coloured(line, uri), [], line);
    }
    const reply = 'file:///src/reply.js';
    LANGUAGE[reply] = 'javascript';
    assert.deepEqual(coloured("const reply = { status: '5.7.1 Final' };", reply), ['5.7.1 statusCodePermanent'], 'a field key is no version key');
    assert.deepEqual(coloured("const reply = { server: '5.7.1 Final' };", reply), ['5.7.1 statusCodePermanent'], 'a word that ends in ver is no version');
    assert.deepEqual(coloured('Status: 5.1.1', 'file:///srv/mail/bounce.eml'), ['5.1.1 statusCodePermanent']);
  });

  test('a version range or a comparison is no code, but a status field is', () => {
    for (const text of ['"node": ">=5.1.1", "dsn": "5.1.1"', '"x": "<=5.1.1", "dsn": "5.1.1"', '"y": "~=4.2.0", "dsn": "5.1.1"']) {
      assert.deepEqual(coloured(text, DATA), ['5.1.1 statusCodePermanent'], text);
    }
    assert.deepEqual(coloured('if version === 5.3.0 or dsn=5.3.0', LOG), ['5.3.0 statusCodePermanent']);
    assert.deepEqual(coloured('if status != 5.3.0: dsn=5.3.0', LOG), ['5.3.0 statusCodePermanent']);
  });

  test('leading zeros and over-long sub-codes are malformed; a lone zero is not', () => {
    const malformed = (code: string) => problems(`reply("550 ${code} x")`, SOURCE);
    for (const code of ['5.01.1', '5.00.0', '5.0.00', '5.1.0001', '5.1000.1']) assert.deepEqual(malformed(code), ['11 malformed-code'], code);
    assert.deepEqual(malformed('5.0.0'), []);
    assert.deepEqual(malformed('5.1.10'), []);
    assert.deepEqual(malformed('5.7.100'), ['11 unregistered-code'], 'three digits are well formed');
  });

  test('a CRLF or a lone CR ends the line the code is on', () => {
    assert.deepEqual(coloured('said: 550 5.1.1\r\nnext', LOG), ['550 replyCodePermanent', '5.1.1 statusCodePermanent']);
    assert.deepEqual(coloured('relay.example   5.1.6\rnext', ACCESS), ['5.1.6 statusCodePermanent']);
  });
});

describe('each context and its near miss, as the scanner tells them apart', () => {
  const PROSE_SETTINGS = resolveSettings({ fileKinds: { '**/notes/*.txt': 'prose' } }).settings;
  const PROSE = 'file:///notes/policy.txt';
  const JS = 'file:///srv/haraka/plugins/rcpt.js';


  test('text the user marks as prose: no reply argument, action or verdict is read; a code after a colon still hovers', () => {
    assert.deepEqual(allColoured('Answer with REJECT 4.7.1 for now, or setReply("550", "4.7.1") and next(DENY, "4.7.1 x").', PROSE, 'plaintext', PROSE_SETTINGS), []);
    assert.deepEqual(allColoured('The code: 5.1.1.', PROSE, 'plaintext', PROSE_SETTINGS), ['0:5.1.1 statusCodePermanent']);
    assert.deepEqual(problems('Answer with REJECT 4.7.1 for now.', TEXT), ['19 class-mismatch'], 'plain text reads the action');
  });

  test('a reply code as an argument, with the arguments aligned by spaces or a tab', () => {
    assert.deepEqual(problems('smfi_setreply(ctx, "550",        "4.7.1", "Try later");', C_SOURCE), ['34 class-mismatch']);
    assert.deepEqual(problems('smfi_setreply(ctx, "550",\t"4.7.1", "Try later");', C_SOURCE), ['27 class-mismatch']);
  });

  test('a backquoted Haraka text and a list of backquoted codes', () => {
    assert.deepEqual(problems('return next(DENYSOFT, `5.7.1 Try later`);', JS), ['23 class-mismatch']);
    assert.deepEqual(allColoured('const CODES = [`5.1.1`, `5.2.2`];\nreply("550 5.1.1 User unknown");', JS, 'javascript').filter((token) => token.startsWith('0:')), ['0:5.1.1 statusCodePermanent', '0:5.2.2 statusCodePermanent']);
  });

  test('a literal is only a code: not one followed by more text', () => {
    assert.deepEqual(allColoured("log.debug('5.1.1: mailbox lookup failed')\nreply(\"550 5.1.1 User unknown\")", SOURCE).filter((token) => token.startsWith('0:')), []);
  });

  test('a reply text in quotes is read as one in code and configuration, not in plain text', () => {
    assert.deepEqual(coloured("The server sent '5.7.1 Access denied' back.", TEXT), []);
  });

  test('a field key right before the code, with = or :, no space', () => {
    assert.deepEqual(problems('log.info("queue=4B2C1 status=5.9.9 bounced")', SOURCE), ['29 unregistered-code']);
    assert.deepEqual(problems('log.info("queue=4B2C1 enhanced_code:5.9.9 bounced")', SOURCE), ['36 unregistered-code']);
  });

  test('a milter reject: the code after the host, not a number in its text, not a line that only follows one', () => {
    // X.6.10 is deprecated: a hint in logs, given only where the context is confident.
    const milter = 'Nov 28 10:00:01 relay postfix/cleanup[812]: 4B2C1: milter-reject: END-OF-MESSAGE from mx.example.net[192.0.2.1]: 5.6.10 Rejected at score 5.6.10;';
    const column = `${milter.indexOf('5.6.10')} deprecated-code`;
    assert.deepEqual(problems(milter, LOG), [column]);
    assert.deepEqual(problems(`Nov 28 10:00:00 relay app[77]: 5.6.10 upstream said so\n${milter}`, LOG), [column]);
  });

  test('the first word of a line in text is no map key', () => {
    assert.deepEqual(coloured('Requires 4.2.0 or later', TEXT), []);
    assert.deepEqual(coloured('Requires 4.2.0 or later', LOG), []);
  });

  test('a file with CRLF line ends reads as one with LF', () => {
    const lines = ['KNOWN = %w(5.1.1 5.2.2', '  5.7.1)', 'reply("550 5.1.1 User unknown")', "x = '5.1.1'", 'said: 550 5.1.1'];
    assert.deepEqual(allColoured(lines.join('\r\n'), SOURCE), allColoured(lines.join('\n'), SOURCE));
    assert.deepEqual(allColoured(lines.join('\r\n'), LOG), allColoured(lines.join('\n'), LOG));
  });
});

describe('more near misses, one for each character test', () => {
  const JS = 'file:///srv/relay/replies.js';

  test('every C preprocessor directive is code, and a block comment is a comment', () => {
    for (const directive of ['define', 'include', 'if', 'ifdef', 'ifndef', 'elif', 'else', 'endif', 'undef', 'pragma', 'error']) {
      const line = `#${directive} X "550 4.1.1 x"`;
      assert.deepEqual(problems(line, C_SOURCE), [`${line.indexOf('4.1.1')} class-mismatch`], line);
    }
    assert.deepEqual(problems('/* reply("550 4.1.1 x") */', C_SOURCE), []);
  });

  test('a comment after code on another line, a URL and a comparison open no comment', () => {
    assert.deepEqual(problems('x = 1; // note\nreply("550 4.1.1 x");', C_SOURCE), ['11 class-mismatch']);
    assert.deepEqual(problems('url = "http://mx.example.org"; if (n == 1) reply("550 4.1.1 x");', C_SOURCE), ['54 class-mismatch']);
    assert.deepEqual(problems('n/2 > 1 && reply("550 4.1.1 x");', C_SOURCE), ['22 class-mismatch'], 'a division');
    assert.deepEqual(problems('/^\\d{3}/.test(line) && reply("550 4.1.1 x");', JS), ['34 class-mismatch'], 'a regular expression');
    assert.deepEqual(problems('if (x == 1) reply("550 4.1.1 x");', C_SOURCE), ['23 class-mismatch']);
  });

  test('a reply code glued to a letter, or after a written tab, is none', () => {
    for (const text of ['reply("a550 4.1.1 x")', 'reply("n550 4.1.1 x")', 'reply("\\t550 4.1.1 x")', 'reply("550 -4.1.1 x")']) assert.deepEqual(problems(text, SOURCE), [], text);
  });

  test('a milter reply whose text starts with a code: the reply code is three arguments away', () => {
    assert.deepEqual(problems('smfi_setreply(ctx, "550", NULL, "4.7.1 Try later");', C_SOURCE), []);
    assert.deepEqual(problems('smfi_setmlreply(ctx, "550", "5.7.1", "Denied", "4.7.1 is not ours");', C_SOURCE), [], 'the reply code must be the argument right before');
  });

  test('a bare code in text: what may follow it and what white space is', () => {
    for (const after of ['', ')', ',', ';', ':', "'", '"', ']', ' ', '. Next', '.']) {
      assert.deepEqual(coloured(`The code: 5.1.1${after}`, TEXT), ['5.1.1 statusCodePermanent'], JSON.stringify(after));
    }
    for (const after of ['!', '/x', '=', '>', '.)', ' 2']) assert.deepEqual(coloured(`The code: 5.1.1${after}`, TEXT), [], JSON.stringify(after));
    for (const space of ['\t', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff']) {
      assert.deepEqual(coloured(`The code:${space}5.1.1${space}x`, TEXT), ['5.1.1 statusCodePermanent'], JSON.stringify(space));
    }
    for (const notSpace of ['\u0008', '\u00ad', '\u180e', '\u200b', '\u2060']) {
      assert.deepEqual(coloured(`The code: 5.1.1${notSpace}x`, TEXT), [], JSON.stringify(notSpace));
    }
    assert.deepEqual(coloured('    5.9.9 first', LOG), ['5.9.9 statusCodePermanent'], 'indented at the start of a log line');
    assert.deepEqual(coloured(': 5.1.1', TEXT), ['5.1.1 statusCodePermanent'], 'a colon at the start of a line: a definition list');
  });

  test('a reply text in a string begins with a capital letter, not a digit', () => {
    assert.deepEqual(problems("return '5.7.99 Zone not allowed'", SOURCE), ['8 unregistered-code']);
    assert.deepEqual(problems("return '5.7.99 1 attempt left'", SOURCE), []);
  });

  test('a map value in configuration hovers but is not checked; a reply code on a later line is coloured where it stands', () => {
    assert.deepEqual(problems('relay.example   5.9.9 Moved', ACCESS), []);
    assert.deepEqual(allColoured('Nov 28 10:00:00 relay postfix/smtp[1]: x\nhost said: 550 5.1.1 unknown', LOG), ['1:550 replyCodePermanent', '1:5.1.1 statusCodePermanent']);
  });

  test('literals: in a comprehension, after a word with ver in it; Ruby word lists of each spelling', () => {
    const withReply = (line: string, uri = SOURCE, languageId?: string) => allColoured(`${line}\nreply("550 5.1.1 User unknown")`, uri, languageId).filter((token) => token.startsWith('0:')).map((token) => token.slice(2));
    assert.deepEqual(withReply("codes = [c for c in ('5.1.1', '5.2.2')]"), ['5.1.1 statusCodePermanent', '5.2.2 statusCodePermanent']);
    assert.deepEqual(withReply("verify('5.1.1')"), ['5.1.1 statusCodePermanent']);
    assert.deepEqual(withReply("pkg ver '5.1.1'"), [], 'the word ver');
    assert.deepEqual(withReply('KNOWN = %w[5.1.1 5.2.2]'), ['5.1.1 statusCodePermanent', '5.2.2 statusCodePermanent']);
    assert.deepEqual(withReply('KNOWN = %W(5.1.1)'), ['5.1.1 statusCodePermanent']);
    for (const line of ['KNOWN = %i(5.1.1 5.2.2)', 'KNOWN = w(5.1.1 5.2.2)', 'KNOWN = (5.1.1 5.2.2)']) assert.deepEqual(withReply(line), [], line);
    assert.deepEqual(withReply('const CODES = [`5.1.1`]', JS, 'javascript'), ['5.1.1 statusCodePermanent']);
  });

  test('fields: a key of another name, a quoted xcode key written tight, a key that only ends like dsn', () => {
    assert.deepEqual(coloured('{"status": "bounced", "errcode": "5.9.9"}', DATA), []);
    assert.deepEqual(problems('reply = {"xcode":"5.7.99 denied"}', SOURCE), ['18 unregistered-code']);
    assert.deepEqual(problems('reply = {xcode:  "5.7.99 denied"}', SOURCE), ['18 unregistered-code']);
    assert.deepEqual(coloured('pkg ver=5.1.1 installed', LOG), []);
  });
});
