import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { fixture, ROOT } from '../support/paths';

/** A minimal host grammar with string literals, standing in for a programming language's grammar. */
const HOST = JSON.stringify({
  scopeName: 'source.test',
  patterns: [{ begin: '"', end: '"', name: 'string.quoted.double.test' }, { match: '//.*$', name: 'comment.line.test' }],
});

let registry: Registry;

async function grammar(scopeName: string): Promise<IGrammar> {
  return (await registry.loadGrammar(scopeName))!;
}

/** The scopes of each token on each line, as `text => scope scope`. */
function tokens(g: IGrammar, text: string): string[][] {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const result = g.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => `${line.slice(token.startIndex, token.endIndex)} => ${token.scopes.slice(1).join(' ')}`);
  });
}

const scopeOf = (lineTokens: string[], text: string) => lineTokens.find((t) => t.startsWith(`${text} =>`))?.split(' => ')[1];

describe('TextMate grammars', () => {
  before(async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const files: Record<string, string> = {
      'text.log.mail': path.join(ROOT, 'syntaxes', 'mail-log.tmLanguage.json'),
      'smtp-status-codes.injection': path.join(ROOT, 'syntaxes', 'smtp-status-codes.injection.tmLanguage.json'),
    };
    registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scopeName) => {
        if (scopeName === 'source.test') return parseRawGrammar(HOST, 'test.json');
        const file = files[scopeName];
        return file ? parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
      },
      getInjections: (scopeName) => (scopeName === 'text.log.mail' || scopeName === 'source.test' ? ['smtp-status-codes.injection'] : []),
    });
  });

  test('the committed grammars are generated from scripts/grammars.mjs', () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'grammars.mjs'), '--check'], { cwd: ROOT });
  });

  test('a Postfix log: timestamps, programs, queue ids, fields, addresses, statuses and codes by class', async () => {
    const lines = tokens(await grammar('text.log.mail'), fixture('logs/mail.log'));
    const bounced = lines[3];
    assert.equal(scopeOf(bounced, 'Nov 28 06:25:17'), 'comment.line.timestamp.mail-log');
    assert.equal(scopeOf(bounced, 'postfix/smtp'), 'entity.name.function.program.mail-log');
    assert.equal(scopeOf(bounced, '4B1C21A0F2:'), 'variable.other.queue-id.mail-log');
    assert.equal(scopeOf(bounced, '<jdoe@example.net>'), 'string.other.address.mail-log');
    assert.equal(scopeOf(bounced, '192.0.2.25'), 'constant.numeric.ip-address.mail-log');
    assert.equal(scopeOf(bounced, 'bounced'), 'markup.deleted.delivery-status.mail-log');
    assert.equal(scopeOf(bounced, '5.1.1'), 'markup.deleted.status-code.permanent.smtp');
    assert.equal(scopeOf(bounced, '550'), 'markup.deleted.reply-code.permanent.smtp');
    assert.equal(scopeOf(lines[5], '4.2.2'), 'markup.changed.status-code.transient.smtp');
    assert.equal(scopeOf(lines[5], 'deferred'), 'markup.changed.delivery-status.mail-log');
    assert.equal(scopeOf(lines[7], '2.0.0'), 'markup.inserted.status-code.success.smtp');
    assert.equal(scopeOf(lines[7], 'sent'), 'markup.inserted.delivery-status.mail-log');
    assert.equal(scopeOf(lines[6], '5.7.1'), 'markup.deleted.status-code.permanent.smtp', 'milter-reject: … ]: 5.7.1');
    assert.ok(!lines[8].some((t) => t.includes('status-code')), 'no code in "version 3.7.11"');
  });

  test('an Exim log: message ids and delivery flags', async () => {
    const lines = tokens(await grammar('text.log.mail'), fixture('logs/exim_mainlog'));
    assert.equal(scopeOf(lines[4], '1tGqXb-0004Ac-2G'), 'variable.other.queue-id.exim.mail-log');
    assert.equal(scopeOf(lines[4], '**'), 'keyword.operator.delivery.exim.mail-log');
    assert.equal(scopeOf(lines[5], '4.2.2'), 'markup.changed.status-code.transient.smtp');
  });

  test('codes in string literals of source code, but not versions or addresses', async () => {
    const lines = tokens(await grammar('source.test'), ['x = "550 5.1.1 User unknown"', 'v = "5.1.1" // version', 'ip = "10.5.1.1"', 'y = "451 4.7.1 later"'].join('\n'));
    assert.equal(scopeOf(lines[0], '5.1.1'), 'string.quoted.double.test markup.deleted.status-code.permanent.smtp');
    assert.ok(!lines[1].some((t) => t.includes('status-code')));
    assert.ok(!lines[2].some((t) => t.includes('status-code')));
    assert.equal(scopeOf(lines[3], '4.7.1'), 'string.quoted.double.test markup.changed.status-code.transient.smtp');
    assert.ok(!tokens(await grammar('source.test'), 'x = 550 5.1.1')[0].some((t) => t.includes('status-code')), 'only inside strings');
  });
});
