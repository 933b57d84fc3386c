import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluate, loadCorpus } from '../corpus/corpus';

const corpus = loadCorpus();
const results = corpus.map(evaluate);

describe('labelled detection corpus', () => {
  for (const result of results) {
    test(`${result.fixture.name} is recognised as ${result.fixture.kind} and agrees with its labels`, () => {
      assert.equal(result.kind, result.fixture.kind);
      assert.deepEqual({ missed: result.missed, falsePositives: result.falsePositives }, { missed: [], falsePositives: [] });
    });
  }

  test('every label names the code written at its line and column, once, with a known context', () => {
    for (const fixture of corpus) {
      const lines = fixture.text.split('\n');
      assert.equal(new Set(fixture.expected).size, fixture.expected.length, `${fixture.name}: a label repeated`);
      for (const label of fixture.expected) {
        const [, line, column, code, context] = /^(\d+):(\d+) (\S+) (\S+)$/.exec(label) ?? [];
        assert.ok(code, `${fixture.name}: "${label}" is not line:column code context`);
        const written = lines[Number(line) - 1]?.slice(Number(column) - 1);
        assert.ok(written?.startsWith(code) && !/\d/.test(written[code.length] ?? ''), `${fixture.name}: no ${code} at ${line}:${column}`);
        assert.ok(['reply', 'field', 'action', 'string', 'bare'].includes(context), `${fixture.name}: context ${context}`);
      }
    }
  });

  test('covers every kind with at least 300 labelled codes and 1,000 look-alikes', () => {
    const kinds = new Set(corpus.map((fixture) => fixture.kind));
    for (const kind of ['mail-log', 'bounce', 'postfix', 'exim', 'sendmail', 'opensmtpd', 'source', 'data', 'text']) assert.ok(kinds.has(kind), kind);
    assert.ok(results.reduce((n, r) => n + r.fixture.expected.length, 0) >= 300);
    assert.ok(results.reduce((n, r) => n + r.lookAlikes, 0) >= 1000);
  });
});
