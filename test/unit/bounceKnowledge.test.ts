import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { impliedClass, POSTFIX_ACTIONS } from '../../server/src/actions';
import { classifyBounce, REASON_RULES, REASONS, VAGUE_CODES, type BounceReason } from '../../server/src/registry/bounceReasons';
import { DSN_ACTIONS, DSN_FIELDS, DSN_VALUE_TYPES } from '../../server/src/registry/dsnFields';
import { DSN_HELPERS } from '../../server/src/registry/harakaDsn';
import { MTA_ACTIONS } from '../../server/src/registry/mtaActions';
import { dsnCalls } from '../../server/src/features/harakaDsn';
import { createLanguageService } from '../../server/src/languageService';
import type { MtaAction } from '../../server/src/registry/mtaActions';
import { documentOf, withCursor } from '../support/documents';
import { ENUMERATED_CODES, findEntryByCode } from '../../server/src/registry/registry';
import { ROOT } from '../support/paths';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('MTA words that produce replies', () => {
  test('every entry has its effect and an https source; no word is listed twice for one MTA', () => {
    const seen = new Set<string>();
    for (const action of MTA_ACTIONS) {
      const key = `${action.mta} ${action.word.toLowerCase()}`;
      assert.ok(!seen.has(key), `${key} listed twice`);
      seen.add(key);
      // The word as the configuration writes it, which hover and completion look for.
      assert.match(action.word, /^(?:[A-Za-z_]+:?|\$#error)$/, `${action.mta}: ${action.word}`);
      assert.ok(action.effect.length > 20, key);
      assert.match(action.source.url, /^https:\/\//, key);
    }
  });

  test('reply-code parameters have a three-digit default whose class fits their name', () => {
    const parameters = MTA_ACTIONS.filter((action) => action.kind === 'parameter');
    assert.ok(parameters.length >= 20);
    for (const parameter of parameters) {
      assert.match(parameter.word, /^(?:\w+_)?(?:reject|defer)_code$/);
      assert.match(parameter.defaultReply ?? '', /^[45]\d\d$/, parameter.word);
      if (parameter.word.endsWith('_defer_code')) assert.equal(parameter.defaultReply![0], '4', parameter.word);
    }
  });

  test('a word that implies a class means the same class in every MTA, and its default reply has that class', () => {
    const classes = new Map<string, number>();
    for (const action of MTA_ACTIONS.filter((entry) => entry.impliedClass !== undefined)) {
      const word = action.word.toLowerCase();
      if (classes.has(word)) assert.equal(classes.get(word), action.impliedClass, word);
      classes.set(word, action.impliedClass!);
      assert.equal(impliedClass(action.word), action.impliedClass);
      const reply = /^([245])\d\d\b/.exec(action.defaultReply ?? '');
      if (reply) assert.equal(Number(reply[1]), action.impliedClass, `${action.mta} ${action.word}: ${action.defaultReply}`);
    }
    assert.equal(impliedClass('error:'), undefined);
    assert.equal(impliedClass('$#error $@'), undefined);
  });

  test('hover on each word, in a line of its MTA\'s configuration, shows what it does, its default reply and its source', () => {
    const service = createLanguageService();
    const MTA = { postfix: 'Postfix', exim: 'Exim', sendmail: 'Sendmail', opensmtpd: 'OpenSMTPD', haraka: 'Haraka' };
    const WHAT = { postfix: 'action', exim: 'ACL verb', sendmail: 'action', opensmtpd: 'filter verdict', haraka: 'plugin verdict' };
    /** A file of the MTA, a line where the word stands where that MTA reads it, and the word's column. */
    const place = (action: MtaAction): [string, string, number] => {
      switch (action.mta) {
        case 'postfix': return action.kind === 'parameter'
          ? ['file:///etc/postfix/main.cf', `${action.word} = 554`, 0]
          : ['file:///etc/postfix/sender_access', `spammer@example.net  ${action.word} go away`, 21];
        case 'exim': return ['file:///etc/exim4/exim4.conf.template', `  ${action.word} hosts = +blocked_hosts`, 2];
        case 'sendmail': return action.word === '$#error'
          ? ['file:///etc/mail/sendmail.mc', 'R$* \t$#error $@ 5.7.1 $: "550 blocked"', 5]
          : ['file:///etc/mail/access', `From:spammer@example.net\t${action.word}`, 25];
        case 'opensmtpd': return ['file:///etc/mail/smtpd.conf', `filter "rdns" phase connect match !rdns ${action.word} "550 no rDNS"`, 40];
        case 'haraka': return ['file:///srv/haraka/plugins/check.js', `    return next(${action.word}, 'go away');`, 16];
      }
    };
    for (const action of MTA_ACTIONS) {
      const [uri, line, column] = place(action);
      const document = documentOf(line, uri, uri.endsWith('.js') ? 'javascript' : 'plaintext');
      const hover = service.doHover(document, { line: 0, character: column + 1 });
      const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
      const label = `${action.mta} ${action.word}`;
      assert.ok(value.startsWith(`**${action.word}** · ${MTA[action.mta]} ${action.kind === 'parameter' ? 'parameter' : WHAT[action.mta]}\n\n${action.effect}`), `${label}: ${value}`);
      if (action.kind === 'parameter') assert.ok(value.includes(`Default: \`${action.word} = ${action.defaultReply}\``), label);
      else if (action.defaultReply) assert.ok(value.includes(`Replies by default: `) && value.includes(action.defaultReply), label);
      assert.ok(value.endsWith(`[${action.source.label}](${action.source.url})`), label);
      assert.match(value, /^\*\*\S+\*\* · \w+ [\w ]+\n\n[A-Z][^\n]+[.)]\n\n/, `${label}: a sentence on what it does`);
      assert.ok(value.split('\n\n').every((paragraph) => paragraph.trim().length > 0 && !paragraph.includes('undefined')), `${label}: ${value}`);
      assert.match(action.source.url, /^https:\/\/[\w.-]+\/\S+$/, label);
      if (action.kind !== 'parameter' && action.defaultReply !== undefined) assert.match(value, /\n\nReplies by default: \S[^\n]*\n\n/, label);
      if (action.kind !== 'parameter' && action.changedBy !== undefined) assert.ok(value.includes(`\n\nChanged by: ${action.changedBy}\n\n`) && action.changedBy.length > 0, label);
      assert.deepEqual(hover?.range, { start: { line: 0, character: column }, end: { line: 0, character: column + action.word.length } }, label);
    }
  });

  test('hover on a word only where its MTA reads it as an action: not as a key, in other case, in a value or a comment', () => {
    const service = createLanguageService();
    const ACCESS = 'file:///etc/postfix/sender_access';
    const MAIN = 'file:///etc/postfix/main.cf';
    const EXIM = 'file:///etc/exim4/exim4.conf';
    const SMTPD = 'file:///etc/smtpd.conf';
    const PLUGIN = 'file:///srv/haraka/plugins/limits.js';
    /** A file, a line with the cursor at `|`, and the hover's first line and range, or `none`. */
    const PLACES: [string, string, string][] = [
      [ACCESS, 'spammer@example.net  REJ|ECT go away', '**REJECT** · Postfix action @21-27'],
      [ACCESS, 'spammer@example.net  |REJECT go away', '**REJECT** · Postfix action @21-27'],
      [ACCESS, 'spammer@example.net  REJECT| go away', '**REJECT** · Postfix action @21-27'],
      [ACCESS, 'REJ|ECT go away', 'none'],
      [ACCESS, 'spammer@example.net  rej|ect go away', 'none'],
      [ACCESS, '# spammer@example.net  REJ|ECT go away', 'none'],
      [MAIN, 'smtpd_relay_restrictions = permit_mynetworks, per|mit', '**PERMIT** · Postfix action @46-52'],
      [MAIN, 'smtpd_relay_restrictions = per|mit_mynetworks, permit', 'none'],
      [MAIN, 'relay_domains_reject_code = $maps_rbl_reject_co|de', '**maps_rbl_reject_code** · Postfix parameter @28-49'],
      [MAIN, 'smtpd_helo_required = y|es', 'none'],
      [EXIM, '  de|ny    message = 550 Relaying not permitted', '**deny** · Exim ACL verb @2-6'],
      [EXIM, '          message = 550 de|ny', 'none'],
      [EXIM, '  accept  hosts = +relay_from_hosts : de|ny', 'none'],
      ['file:///etc/mail/access', 'From:spammer@example.net\tREJ|ECT', '**REJECT** · Sendmail action @25-31'],
      ['file:///etc/mail/access', 'From:spammer@example.net\trej|ect', 'none'],
      ['file:///etc/mail/virtusertable', 'bob@example.com\terr|or:nouser 550 5.1.1 User unknown', '**ERROR:** · Sendmail action @16-22'],
      ['file:///etc/mail/sendmail.mc', 'R$*\t$#error $@ temp|fail $: "451 Try again later"', '**TEMPFAIL** · Sendmail action @15-23'],
      ['file:///etc/mail/sendmail.mc', 'R$*\t$#error $@ 4.7.1 $: "451 temp|fail"', 'none'],
      ['file:///etc/mail/sendmail.mc', 'dnl From:spammer@example.net REJ|ECT', 'none'],
      [SMTPD, 'filter "rdns" phase connect match !rdns disc|onnect "550 no rDNS"', '**disconnect** · OpenSMTPD filter verdict @40-50'],
      [SMTPD, 'filter "rdns" phase connect match !rdns DISC|ONNECT "550 no rDNS"', 'none'],
      [SMTPD, 'match from any for domain "example.com" rej|ect', 'none'],
      [SMTPD, '  rej|ect "550 no"', 'none'],
      [PLUGIN, "    return next(DENY|SOFT, 'Slow down');", '**DENYSOFT** · Haraka plugin verdict @16-24'],
      [PLUGIN, '    next(constants.DE|NY);', '**DENY** · Haraka plugin verdict @19-23'],
      [PLUGIN, '    next(constants.de|ny);', 'none'],
      [PLUGIN, '    const DENY|SOFT = 903;', 'none'],
    ];
    const seen = PLACES.map(([uri, line]) => {
      const { document, position } = withCursor(line, uri, uri.endsWith('.js') ? 'javascript' : 'plaintext');
      const hover = service.doHover(document, position);
      service.forget(document.uri);
      if (!hover) return 'none';
      return `${(hover.contents as { value: string }).value.split('\n')[0]} @${hover.range!.start.character}-${hover.range!.end.character}`;
    });
    assert.deepEqual(seen, PLACES.map(([, , expected]) => expected));
  });

  test('the Postfix alternation takes the DEFER_IF_* forms before DEFER', () => {
    const words = POSTFIX_ACTIONS.split('|');
    assert.deepEqual([...words].sort(), ['DEFER', 'DEFER_IF_PERMIT', 'DEFER_IF_REJECT', 'REJECT']);
    assert.ok(words.indexOf('DEFER_IF_PERMIT') < words.indexOf('DEFER'));
  });
});

describe('Haraka DSN helpers', () => {
  const SUBJECTS: Record<string, number> = { addr: 1, mbox: 2, sys: 3, net: 4, proto: 5, media: 6, sec: 7 };
  const OWN_TEXT = ['no_such_user', 'temp_resolver_failed', 'too_many_hops', 'bad_sender_ip', 'relaying_denied'];

  test('the helpers named after RFC 3463 give the code of their subject and the registry\'s text; five have a text of their own', () => {
    assert.equal(DSN_HELPERS.size, 54);
    for (const [name, helper] of DSN_HELPERS) {
      assert.equal(helper.name, name);
      assert.match(String(helper.replyCode), /^[245]\d\d$/, name);
      const entry = findEntryByCode(helper.code);
      assert.ok(entry, `${name}: ${helper.code} is registered`);
      if (OWN_TEXT.includes(name)) {
        assert.notEqual(helper.message.toLowerCase(), entry.sample.toLowerCase(), name);
        continue;
      }
      const prefix = name.split('_')[0];
      assert.equal(entry.subject, name === 'unspecified' ? 0 : SUBJECTS[prefix], `${name}: ${helper.code}`);
      assert.equal(helper.message.toLowerCase(), entry.sample.toLowerCase(), name);
    }
  });

  test('a call gives its reply: the helper\'s reply code unless the call names one, the helper\'s text unless the call gives one', () => {
    const reply = (line: string) => dsnCalls(line).map((call) => call.reply);
    assert.deepEqual(reply('return next(DENY, DSN.no_such_user());'), ['550 5.1.1 No such user']);
    assert.deepEqual(reply('next(DENYSOFT, DSN.relaying_denied(\'Not here\', 450));'), ['450 4.7.1 Not here']);
    assert.deepEqual(reply('next(DENYSOFT, DSN.mbox_full());'), ['450 4.2.2 Mailbox full']);
    assert.deepEqual(reply('next(DENY, DSN.sec_unauthorized("Blocked"), DSN.not_a_helper());'), ['550 5.7.1 Blocked']);
  });
});

describe('delivery status notification fields', () => {
  test('RFC 3464 per-message and per-recipient fields, each once, each with an https source', () => {
    const names = DSN_FIELDS.map((field) => field.name.toLowerCase());
    assert.equal(new Set(names).size, names.length);
    for (const name of ['reporting-mta', 'arrival-date', 'final-recipient', 'original-recipient', 'action', 'status', 'remote-mta', 'diagnostic-code', 'last-attempt-date', 'will-retry-until', 'x-postfix-queue-id', 'x-postfix-sender']) {
      assert.ok(names.includes(name), name);
    }
    for (const entry of [...DSN_FIELDS, ...DSN_ACTIONS, ...DSN_VALUE_TYPES]) assert.match(entry.source.url, /^https:\/\//);
    assert.deepEqual(DSN_ACTIONS.map((action) => action.value), ['failed', 'delayed', 'delivered', 'relayed', 'expanded']);
  });
});

describe('bounce reasons', () => {
  test('every registered code of class 4 and 5 gets a reason from a rule, without reply text', () => {
    for (const entry of ENUMERATED_CODES) {
      for (const statusClass of [4, 5]) {
        const classification = classifyBounce(statusClass, entry.subject, entry.detail);
        assert.ok(classification, entry.code);
        assert.notEqual(classification.why, 'no rule matched', `${statusClass}${entry.code.slice(1)}`);
      }
    }
    assert.equal(classifyBounce(2, 0, 0), undefined);
  });

  test('every reason is reachable, every vague code is registered, every rule explains itself', () => {
    const reached = new Set<BounceReason>(REASON_RULES.map((rule) => rule.reason));
    assert.deepEqual([...reached].sort(), Object.keys(REASONS).sort());
    for (const code of VAGUE_CODES) assert.ok(findEntryByCode(code), code);
    for (const rule of REASON_RULES) {
      assert.ok(rule.why.length > 10);
      assert.equal(rule.codes === 'vague', rule.text !== undefined, rule.why);
    }
  });

  test('hard or soft: transient codes and conditions that clear by themselves are soft', () => {
    assert.deepEqual(pick(classifyBounce(5, 1, 1)), ['user-unknown', true]);
    assert.deepEqual(pick(classifyBounce(4, 1, 1)), ['user-unknown', false]);
    assert.deepEqual(pick(classifyBounce(5, 2, 2)), ['mailbox-full', false]);
    assert.deepEqual(pick(classifyBounce(5, 7, 28)), ['rate-limited', false]);
    assert.deepEqual(pick(classifyBounce(5, 4, 7)), ['expired', true]);
  });

  test('the reply text decides only where the code is vague or unregistered', () => {
    assert.deepEqual(pick(classifyBounce(5, 7, 1, 'Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org')), ['blocked', true]);
    assert.deepEqual(pick(classifyBounce(5, 7, 1, 'Message rejected as spam by Content Filtering')), ['spam-or-content', true]);
    assert.deepEqual(pick(classifyBounce(5, 7, 1, '<joe@example.com>: Relay access denied')), ['policy', true]);
    assert.deepEqual(pick(classifyBounce(5, 7, 1, 'Delivery not authorized')), ['policy', true]);
    assert.deepEqual(pick(classifyBounce(5, 0, 0, 'mailbox is full')), ['mailbox-full', false]);
    assert.deepEqual(pick(classifyBounce(5, 7, 606, 'Access denied, banned sending IP [203.0.113.7]')), ['blocked', true]);
    assert.deepEqual(pick(classifyBounce(5, 7, 509, 'Access denied, sending domain example.com does not pass DMARC verification')), ['authentication', true]);
    assert.deepEqual(pick(classifyBounce(5, 1, 10, 'RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup')), ['user-unknown', true]);
    assert.deepEqual(pick(classifyBounce(5, 1, 10, '')), ['host-unknown', true]);
    assert.deepEqual(pick(classifyBounce(5, 1, 1, 'blocked using zen.spamhaus.org')), ['user-unknown', true], 'an unambiguous code is not read again');
    assert.equal(classifyBounce(5, 7, 1, 'Client host rejected: blocked using bl.spamcop.net')?.matched, 'Client host rejected');
  });

  test('the README documents each reason', () => {
    for (const { label } of Object.values(REASONS)) assert.ok(README.includes(`| ${label} |`), label);
  });
});

function pick(classification: ReturnType<typeof classifyBounce>) {
  return classification && [classification.reason, classification.hard];
}
