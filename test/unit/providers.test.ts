import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import {
  parseCodeSpan, PROVIDER_CODES, PROVIDERS, providerEntriesFor, providerEntriesInContext, providersNamedIn, type ProviderId,
} from '../../server/src/registry/providerLookup';
import { findEntry } from '../../server/src/registry/registry';
import { DEFAULT_SETTINGS, resolveSettings } from '../../server/src/settings';
import { documentOf, withCursor } from '../support/documents';
import { ROOT } from '../support/paths';

const service = createLanguageService();
const hoverText = (hover: Hover | null) => (hover ? (hover.contents as MarkupContent).value : '');
const hoverAt = (text: string, uri = 'file:///var/log/mail.log', languageId = 'log', settings = DEFAULT_SETTINGS) => {
  const { document, position } = withCursor(text, uri, languageId);
  return hoverText(service.doHover(document, position, settings));
};
const problems = (text: string, uri: string, settings = DEFAULT_SETTINGS) =>
  (service.doValidation(documentOf(text, uri, 'plaintext'), settings)?.diagnostics ?? []).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);

describe('the provider table', () => {
  test('every entry names a known provider, an https source, the date it was read, and text of its own', () => {
    const ids = new Set(PROVIDERS.map((provider) => provider.id));
    for (const entry of PROVIDER_CODES) {
      const label = `${entry.provider} ${entry.codes.join(',')}`;
      assert.ok(ids.has(entry.provider), label);
      assert.match(entry.source, /^https:\/\/[\w.-]+\.[a-z]{2,}\//, label);
      assert.match(entry.read, /^\d{4}-\d\d-\d\d$/, label);
      assert.ok(!Number.isNaN(Date.parse(entry.read)), label);
      for (const text of [entry.title, entry.meaning, entry.action]) assert.ok(text.trim().length > 3, label);
    }
  });

  test('codes and ranges are well formed: class 2, 4 or 5, a range over the detail only, from low to high', () => {
    for (const entry of PROVIDER_CODES) {
      assert.ok(entry.codes.length > 0, entry.title);
      for (const code of entry.codes) {
        const span = parseCodeSpan(code);
        assert.ok(span, `${entry.provider}: ${code} is not a code or range`);
        assert.ok(span.from < span.to || !code.includes('-'), `${entry.provider}: ${code} runs backwards or is empty`);
      }
    }
    assert.equal(parseCodeSpan('5.7.606-4.7.649'), undefined, 'a range keeps its class and subject');
    assert.equal(parseCodeSpan('3.7.1'), undefined);
  });

  test('per provider, the codes of an entry are ordered and no two spans overlap', () => {
    for (const provider of PROVIDERS) {
      const spans = PROVIDER_CODES.filter((entry) => entry.provider === provider.id).flatMap((entry) => {
        const parsed = entry.codes.map((code) => ({ code, ...parseCodeSpan(code)! }));
        const order = (span: { statusClass: number; subject: number; from: number }) => span.statusClass * 1e6 + span.subject * 1e3 + span.from;
        for (let i = 1; i < parsed.length; i++) assert.ok(order(parsed[i - 1]) < order(parsed[i]), `${parsed[i - 1].code} before ${parsed[i].code}`);
        return parsed;
      });
      for (let i = 0; i < spans.length; i++) {
        for (let j = i + 1; j < spans.length; j++) {
          const [a, b] = [spans[i], spans[j]];
          const overlap = a.statusClass === b.statusClass && a.subject === b.subject && a.from <= b.to && b.from <= a.to;
          assert.ok(!overlap, `${provider.id}: ${a.code} overlaps ${b.code}`);
        }
      }
    }
  });

  test('only an entry that redefines a registered code can claim the usual meaning of it', () => {
    for (const entry of PROVIDER_CODES) {
      if (entry.differsFromRegistry?.usualMeaning) assert.equal(entry.differsFromRegistry.kind, 'redefines', `${entry.provider} ${entry.codes.join(',')}`);
    }
  });

  test('an entry that covers a registered code says how it differs from the registry, and only such an entry does', () => {
    for (const entry of PROVIDER_CODES) {
      const shadows = entry.codes.some((code) => {
        const span = parseCodeSpan(code)!;
        for (let detail = span.from; detail <= span.to; detail++) if (findEntry(span.subject, detail)) return true;
        return false;
      });
      const label = `${entry.provider} ${entry.codes.join(',')}`;
      if (shadows) assert.ok(entry.differsFromRegistry && entry.differsFromRegistry.note.length > 20, `${label} shadows an IANA code without saying how it differs`);
      if (shadows) assert.ok(['redefines', 'narrows'].includes(entry.differsFromRegistry!.kind), `${label}: ${entry.differsFromRegistry!.kind}`);
      else assert.equal(entry.differsFromRegistry, undefined, `${label} covers no registered code`);
    }
  });

  test('holds at least 40 Microsoft entries and 20 Gmail entries', () => {
    const count = (id: ProviderId) => PROVIDER_CODES.filter((entry) => entry.provider === id).length;
    assert.ok(count('microsoft') >= 40, `${count('microsoft')} Microsoft entries`);
    assert.ok(count('google') >= 20, `${count('google')} Gmail entries`);
  });

  test('the README counts the entries of each provider as the table holds them', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(`knows ${PROVIDER_CODES.length} such entries`), `README: ${PROVIDER_CODES.length} entries`);
    for (const provider of PROVIDERS) {
      const count = PROVIDER_CODES.filter((entry) => entry.provider === provider.id).length;
      assert.match(readme, new RegExp(`\\| ${provider.name.replace(/[/()]/g, '\\$&')}[^|]* \\| ${count}: `), provider.name);
    }
  });

  test('each provider is recognised by the host names it lists, and not inside longer names', () => {
    for (const provider of PROVIDERS) {
      for (const name of provider.markNames) {
        const host = name.replace('*', 'contoso-com.mail');
        assert.deepEqual([...providersNamedIn(`host ${host}[192.0.2.1] said: 550`)], [provider.id], name);
      }
    }
    assert.deepEqual([...providersNamedIn('to=<bob@acme.com>, relay=mx.name.com[192.0.2.8]')], []);
    assert.deepEqual([...providersNamedIn('d75a77b69052e-4f0c2a1b3c4si812345cf.318 - gsmtp')], ['google']);
  });
});

describe('provider look-up', () => {
  test('finds the entry of a range and of an exact code', () => {
    assert.deepEqual(providerEntriesFor('5.7.620').map((entry) => entry.codes[0]), ['5.7.606-5.7.649']);
    assert.deepEqual(providerEntriesFor('5.7.650'), []);
    assert.deepEqual(providerEntriesFor('5.7.703').map((entry) => entry.title), ['Blocked by the Tenant Allow/Block List']);
    assert.deepEqual(providerEntriesFor('5.7.704').map((entry) => entry.title), ['Access denied, tenant has exceeded threshold']);
  });

  test('the context decides between providers; without one, each that gives the code a meaning of its own', () => {
    const providersOf = (code: string, named: ProviderId[]) => providerEntriesInContext(code, new Set(named)).map((entry) => entry.provider);
    assert.deepEqual(providersOf('5.7.1', ['google']), ['google']);
    assert.deepEqual(providersOf('5.7.1', ['apple']), ['apple']);
    assert.deepEqual(providersOf('5.7.1', []), [], 'where every provider narrows the registry, the registry says enough');
    assert.deepEqual(providersOf('4.7.28', []), ['google']);
    assert.deepEqual(providersOf('5.7.9', []), [], 'submission servers use 5.7.9 in the registry\'s sense: Yahoo\'s meaning needs Yahoo in sight');
    assert.deepEqual(providersOf('5.7.9', ['yahoo']), ['yahoo']);
    assert.deepEqual(providersOf('5.7.9', ['google']), ['google']);
    assert.deepEqual(providersOf('5.7.1', ['google', 'apple']), ['google', 'apple'], 'where the context names several, each');
    assert.deepEqual(providersOf('4.7.1', []), [], 'greylisting and policy deferrals everywhere use 4.7.1');
    assert.deepEqual(providersOf('5.4.1', []), ['microsoft']);
    assert.deepEqual(providersOf('5.7.606', ['google']), ['microsoft'], 'a provider that does not document the code does not hide the one that does');
  });
});

describe('provider codes in the language service', () => {
  test('hover on a Microsoft code in a log line from Exchange Online gives the provider\'s meaning and page', () => {
    const text = hoverAt('Nov 30 01:12:09 mx postfix/smtp[2211]: 4Wq9: to=<a@contoso.com>, relay=contoso-com.mail.protection.outlook.com[52.101.68.3]:25, dsn=5.7.606, status=bounced (host contoso-com.mail.protection.outlook.com[52.101.68.3] said: 550 5.7.6|06 Access denied, banned sending IP [198.51.100.25] (in reply to RCPT TO command))');
    assert.match(text, /\*\*5\.7\.606\*\* Access denied, banned sending IP \(Microsoft 365 \/ Exchange Online\)/);
    assert.match(text, /X\.7: Security or Policy Status/);
    assert.match(text, /https:\/\/sender\.office\.com/);
    assert.match(text, /\(https:\/\/learn\.microsoft\.com\/[^)]+\) \(read 2026-11-30\)/);
  });

  test('a registered code a provider redefines shows both meanings and how they differ', () => {
    const text = hoverAt('Nov 30 06:40:17 mx postfix/smtp[3120]: 4Wr2: to=<j@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.27.26]:25, dsn=5.7.27, status=bounced (host gmail-smtp-in.l.google.com[142.250.27.26] said: 550 5.7.2|7 Your email has been blocked because SPF did not pass - gsmtp (in reply to end of DATA command))');
    assert.match(text, /\*\*5\.7\.27\*\* Sender address has null MX/);
    assert.match(text, /\*\*Google Workspace \/ Gmail\*\* · 4\.7\.27, 5\.7\.27: SPF did not pass/);
    assert.match(text, /\*Differs from the registry:\* The registry \(RFC 7505\) means the sender's domain publishes a null MX/);
    assert.match(text, /support\.google\.com\/a\/answer\/3726730/);
  });

  test('Microsoft 5.4.1 and 5.7.1 from Exchange Online show Microsoft\'s sense beside the registry\'s', () => {
    const line = (code: string) => `host contoso-com.mail.protection.outlook.com[52.101.68.3] said: 550 ${code.slice(0, -1)}|${code.slice(-1)} [accounts@contoso.com]: Recipient address rejected: Access denied`;
    const relay = hoverAt(line('5.4.1'));
    assert.match(relay, /\*\*5\.4\.1\*\* No answer from host/);
    assert.match(relay, /Recipient address rejected: access denied/);
    assert.match(relay, /Differs from the registry/);
    const policy = hoverAt(line('5.7.1'));
    assert.match(policy, /\*\*5\.7\.1\*\* Delivery not authorized, message refused/);
    assert.match(policy, /\*Narrower than the registry:\*/);
    assert.doesNotMatch(policy, /Gmail|Yahoo|iCloud/);
  });

  test('the host on the line picks the provider among several that document a code', () => {
    const yahoo = hoverAt('Nov 30 07:02:11 mx postfix/smtp[4410]: 5Zt1: to=<kim@yahoo.com>, relay=mta6.am0.yahoodns.net[67.195.204.72]:25, dsn=5.7.1, status=bounced (host mta6.am0.yahoodns.net[67.195.204.72] said: 553 5.7.|1 [BL21] Connections will not be accepted from 198.51.100.25, because the ip is in Spamhaus\'s list; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command))');
    assert.match(yahoo, /\*\*Yahoo \/ AOL\*\* · 5\.7\.1: IP on a block list/);
    assert.doesNotMatch(yahoo, /Microsoft|Gmail|iCloud|Zoho/);
    const gmail = hoverAt('host gmail-smtp-in.l.google.com[142.250.27.26] said: 550 5.7.|1 [198.51.100.25] Our system has detected that this message is likely unsolicited mail - gsmtp');
    assert.match(gmail, /\*\*Google Workspace \/ Gmail\*\* · 5\.7\.1: Message refused by policy/);
    assert.doesNotMatch(gmail, /Microsoft|Yahoo|iCloud|Zoho/);
  });

  test('a registered code that mail admins meet mostly from one provider shows its meaning where the line names no provider', () => {
    const MICROSOFT = 'Microsoft 365 / Exchange Online';
    const GOOGLE = 'Google Workspace / Gmail';
    const USUAL: [string, string, string][] = [
      ['5.1.10', MICROSOFT, 'Recipient not found'], ['5.4.1', MICROSOFT, 'Recipient address rejected: access denied'],
      ['5.7.12', MICROSOFT, 'Sender not authenticated by the organisation'], ['4.2.1', GOOGLE, 'Recipient receiving mail too fast'],
      ['4.7.27', GOOGLE, 'SPF did not pass'], ['5.7.27', GOOGLE, 'SPF did not pass'], ['4.7.28', GOOGLE, 'Rate limited: unusual rate of unsolicited mail'],
      ['5.7.28', GOOGLE, 'Blocked: unusual rate of unsolicited mail'], ['4.7.29', GOOGLE, 'Rate limited: not sent over TLS'],
      ['4.7.30', GOOGLE, 'DKIM did not pass'], ['5.7.30', GOOGLE, 'DKIM did not pass'], ['5.4.5', GOOGLE, 'Daily sending quota exceeded'],
      ['5.7.14', GOOGLE, 'Sign in with a web browser first'],
    ];
    const shown = USUAL.map(([code]) => {
      const text = hoverAt(`host mx.example.net[192.0.2.1] said: ${code[0]}50 ${code.slice(0, -1)}|${code.slice(-1)} Message not delivered`);
      const provider = /\*\*([^*]+)\*\* · [^:\n]*: ([^\n]+)/.exec(text);
      return [code, provider?.[1] ?? 'no provider', provider?.[2] ?? ''];
    });
    assert.deepEqual(shown, USUAL);
  });

  test('a registered code many servers use shows no provider where the context names none', () => {
    for (const line of ['host mx.example.com[192.0.2.1] said: 550 5.7.|1 Relaying denied', 'host mx.example.com[192.0.2.1] said: 450 4.7.|1 Greylisted, try again later']) {
      const text = hoverAt(line);
      assert.match(text, /Delivery not authorized, message refused/);
      assert.doesNotMatch(text, /Microsoft|Gmail|Yahoo|iCloud|Zoho/, line);
    }
    assert.match(hoverAt('host mx01.mail.icloud.com[17.57.154.6] said: 421 4.7.|1 Messages to a@icloud.com deferred due to excessive volume'), /Apple iCloud Mail\*\* · 4\.7\.1: Deferred: excessive volume/);
  });

  test('provider codes are known in logs and bounces; in configuration they stay unregistered, with the provider named', () => {
    const log = 'Nov 30 01:12:09 mx postfix/smtp[2211]: 4Wq9: to=<a@contoso.com>, dsn=5.7.606, status=bounced (host x said: 550 5.7.606 Access denied)\n';
    const access = 'spammer.example  550 5.7.606 Access denied, banned sending IP\nother.example  550 5.7.999 Go away\n';
    const at = (text: string, line: number, needle: string, from = 0) => `${line}:${text.split('\n')[line].indexOf(needle, from)} unregistered-code`;
    assert.deepEqual(problems(log, 'file:///var/log/mail.log'), []);
    assert.deepEqual(problems(access, 'file:///etc/postfix/access'), [at(access, 0, '5.7.606'), at(access, 1, '5.7.999')]);
    const [named] = service.doValidation(documentOf(access, 'file:///etc/postfix/access', 'plaintext'))!.diagnostics;
    assert.match(named.message as string, /has no detail 606\. Microsoft 365 \/ Exchange Online uses it for "Access denied, banned sending IP"; a reply of your own should use a registered code\./);
    const off = resolveSettings({ providers: { enabled: false }, severityInLogs: { 'unregistered-code': 'hint' } }).settings;
    assert.deepEqual(problems(log, 'file:///var/log/mail.log', off), [at(log, 0, '5.7.606'), at(log, 0, '5.7.606', 80)]);
    assert.deepEqual(problems(access, 'file:///etc/postfix/access', off), [at(access, 0, '5.7.606'), at(access, 1, '5.7.999')]);
    const hover = hoverAt('host x said: 550 5.7.6|06 Access denied', 'file:///var/log/mail.log', 'log', off);
    assert.match(hover, /5\.7\.606\*\* is not in the IANA registry/);
    assert.doesNotMatch(hover, /Microsoft/);
  });

  test('inlay hints and the Status Codes view name what a provider means by a code the registry lacks', () => {
    const document = documentOf('Nov 30 01:12:09 mx postfix/smtp[2211]: 4Wq9: to=<a@contoso.com>, dsn=5.7.606, status=bounced (host x said: 550 5.7.606 Access denied)\n', 'file:///var/log/mail.log', 'log');
    const hints = service.doInlayHints(document, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
    assert.deepEqual(hints.map((hint) => hint.label), Array(2).fill('Access denied, banned sending IP (Microsoft 365 / Exchange Online) · blocked (hard)'));
    assert.equal(service.summarize(document).classes[0].codes[0].meaning, 'Access denied, banned sending IP (Microsoft 365 / Exchange Online)');
    const off = resolveSettings({ providers: { enabled: false } }).settings;
    assert.deepEqual(service.doInlayHints(document, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, off).map((hint) => hint.label), Array(2).fill('policy (hard)'), 'the bounce reason from the reply text alone');
    assert.equal(service.summarize(document, off).classes[0].codes[0].meaning, 'Not in the IANA registry');
  });

  test('the setting is read like the other switches, and a wrong value is reported', () => {
    assert.equal(resolveSettings({ providers: { enabled: false } }).settings.providers.enabled, false);
    const { settings, problems: messages } = resolveSettings({ providers: { enabled: 'no' } });
    assert.equal(settings.providers.enabled, true);
    assert.deepEqual(messages, ['smtpStatusCodes.providers.enabled: expected true or false, got "no"; using true.']);
  });
});
