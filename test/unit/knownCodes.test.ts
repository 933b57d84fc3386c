import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/languageService';
import { resolveSettings } from '../../server/src/settings';

const service = createLanguageService();
const settings = resolveSettings({
  knownCodes: { '5.7.6xx': 'Microsoft 365 policy rejections', '5.7.606': 'Banned sending IP', '4.7.5XX': 'Throttled by us', '5.9.9': 'Our own refusal' },
}).settings;

describe('codes the user declares known (smtpStatusCodes.knownCodes)', () => {
  test('hover names the entry that matched: the exact one before a pattern, x or X for any digit', () => {
    const replies = ['550 5.7.606', '550 5.7.607', '451 4.7.512', '550 5.9.9', '550 5.7.61', '550 5.7.6'];
    const document = TextDocument.create('file:///srv/relay/replies.py', 'python', 1, replies.map((reply) => `REPLY = "${reply} Go away"`).join('\n'));
    const firstLines = replies.map((_, line) => {
      const hover = service.doHover(document, { line, character: 15 }, settings);
      return (hover?.contents as { value: string }).value.split('\n\n').slice(0, 2).join(' | ');
    });
    assert.deepEqual(firstLines, [
      '**5.7.606** Banned sending IP | *Not in the IANA registry; known from smtpStatusCodes.knownCodes (5.7.606).*',
      '**5.7.607** Microsoft 365 policy rejections | *Not in the IANA registry; known from smtpStatusCodes.knownCodes (5.7.6xx).*',
      '**4.7.512** Throttled by us | *Not in the IANA registry; known from smtpStatusCodes.knownCodes (4.7.5XX).*',
      '**5.9.9** Our own refusal | *Not in the IANA registry; known from smtpStatusCodes.knownCodes (5.9.9).*',
      '**5.7.61** is not in the IANA registry | *5: Permanent Failure · X.7: Security or Policy Status*',
      '**5.7.6** Cryptographic algorithm not supported | *5: Permanent Failure · X.7: Security or Policy Status*',
    ]);
    assert.deepEqual(service.doValidation(document, settings)!.diagnostics.map((d) => [d.range.start.line, d.code]), [[4, 'unregistered-code']]);
    service.forget(document.uri);
  });

  test('completion offers the exact known codes of the class the context asks for, never a pattern', () => {
    const known = resolveSettings({ knownCodes: { '5.7.515': 'Sending domain fails authentication', '5.7.5xx': 'Policy', '4.7.500': 'Server busy', 'x.7.1': 'Any class' } }).settings;
    const text = 'spammer@example.net   REJECT ';
    const document = TextDocument.create('file:///etc/postfix/sender_access', 'plaintext', 1, text);
    const items = service.doComplete(document, { line: 0, character: text.length }, known)?.items ?? [];
    assert.deepEqual(items.filter((item) => item.detail?.endsWith('(smtpStatusCodes.knownCodes)')).map((item) => [item.label, item.detail]), [
      ['5.7.515', 'Sending domain fails authentication (smtpStatusCodes.knownCodes)'],
    ]);
    service.forget(document.uri);
  });
});
