/**
 * The quick fixes a writer is offered for each check, as the editor lists them: their titles, which one is preferred, and
 * exactly what each changes; the comments that switch a check off, written as the file writes its comments and its lines.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { REGISTRY_URL } from '../../server/src/registry/registry';
import { resolveSettings } from '../../server/src/settings';

const service = createLanguageService();
/** Every check on, and the registry's reply codes and usage checked too, so that each kind of fix shows. */
const STRICT = { strictRegistry: true, severity: { 'unexpected-reply-code': 'hint', 'missing-code': 'hint' } };

/** An action as a line: `*` when preferred, its title, and its edits (`line:start-end "new text"`) or its command. */
function render(action: CodeAction, uri: string): string {
  const what = action.edit
    ? action.edit.changes![uri].map((edit) => `${edit.range.start.line}:${edit.range.start.character}-${edit.range.end.character} ${JSON.stringify(edit.newText)}`).join(', ')
    : `${action.command!.command} ${action.command!.arguments!.map((argument) => (argument === REGISTRY_URL ? '<registry>' : argument)).join(' ')}`;
  return `${action.isPreferred ? '* ' : ''}${action.title} | ${what}`;
}

function validate(uri: string, languageId: string, text: string, raw: unknown = STRICT): { document: TextDocument; diagnostics: Diagnostic[]; settings: ReturnType<typeof resolveSettings>['settings'] } {
  const document = TextDocument.create(uri, languageId, 1, text);
  const settings = resolveSettings(raw).settings;
  return { document, diagnostics: service.doValidation(document, settings)!.diagnostics, settings };
}

/** The fixes of each diagnostic of the text, in order; `withComments` keeps the comments that switch a check off. */
function fixesOf(uri: string, languageId: string, text: string, raw: unknown = STRICT, withComments = false): string[][] {
  const { document, diagnostics, settings } = validate(uri, languageId, text, raw);
  const fixes = diagnostics.map((diagnostic) => service.doCodeActions(document, [diagnostic], settings)
    .map((action) => render(action, uri))
    .filter((line) => withComments || !line.startsWith('Disable ')));
  service.forget(uri);
  return fixes;
}

const CASES: { name: string; uri: string; languageId: string; settings?: unknown; text: string; fixes: string[][] }[] = [
  {
    name: 'an unregistered code after REJECT: three registered codes of its subject and class, nearest to its text first; it may be added to the known codes',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'spammer.example   REJECT 5.7.99 Blocked for spam\n',
    fixes: [
      [
        'Add 5.7.99 to the known codes (workspace settings) | smtpStatusCodes.addKnownCode 5.7.99 workspace',
        'Add 5.7.99 to the known codes (user settings) | smtpStatusCodes.addKnownCode 5.7.99 user',
        'Replace 5.7.99 with 5.7.1 (Delivery not authorized, message refused) | 0:25-31 "5.7.1"',
        'Replace 5.7.99 with 5.7.0 (Other or undefined security status) | 0:25-31 "5.7.0"',
        'Replace 5.7.99 with 5.7.2 (Mailing list expansion prohibited) | 0:25-31 "5.7.2"',
      ],
    ],
  },
  {
    name: 'an unregistered code whose text names another condition: the code the words name first',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'olduser@example.com   550 5.1.99 Mailbox full\n',
    fixes: [
      [
        'Add 5.1.99 to the known codes (workspace settings) | smtpStatusCodes.addKnownCode 5.1.99 workspace',
        'Add 5.1.99 to the known codes (user settings) | smtpStatusCodes.addKnownCode 5.1.99 user',
        'Replace 5.1.99 with 5.2.2 (Mailbox full) | 0:26-32 "5.2.2"',
        'Replace 5.1.99 with 5.1.1 (Bad destination mailbox address) | 0:26-32 "5.1.1"',
        'Replace 5.1.99 with 5.1.4 (Destination mailbox address ambiguous) | 0:26-32 "5.1.4"',
      ],
    ],
  },
  {
    name: 'an unregistered code without text: the codes of its subject in registry order',
    uri: 'file:///srv/relay/replies.py', languageId: 'python',
    text: 'reply = \'550 5.7.99\'\n',
    fixes: [
      [
        'Add 5.7.99 to the known codes (workspace settings) | smtpStatusCodes.addKnownCode 5.7.99 workspace',
        'Add 5.7.99 to the known codes (user settings) | smtpStatusCodes.addKnownCode 5.7.99 user',
        'Replace 5.7.99 with 5.7.0 (Other or undefined security status) | 0:13-19 "5.7.0"',
        'Replace 5.7.99 with 5.7.1 (Delivery not authorized, message refused) | 0:13-19 "5.7.1"',
        'Replace 5.7.99 with 5.7.2 (Mailing list expansion prohibited) | 0:13-19 "5.7.2"',
      ],
    ],
  },
  {
    name: 'an unregistered code quoted in a log: the same fixes, none preferred',
    uri: 'file:///var/log/mail.log', languageId: 'log', settings: {"severityInLogs":{"unregistered-code":"warning"},"providers":{"enabled":false}},
    text: 'Nov 30 10:00:01 mx postfix/smtp[123]: 4F2: to=<a@b.example>, relay=x[1.2.3.4]:25, dsn=5.7.606, status=bounced (host x[1.2.3.4] said: 550 5.7.606 Access denied, banned sending IP (in reply to RCPT TO command))\n',
    fixes: [
      [
        'Add 5.7.606 to the known codes (workspace settings) | smtpStatusCodes.addKnownCode 5.7.606 workspace',
        'Add 5.7.606 to the known codes (user settings) | smtpStatusCodes.addKnownCode 5.7.606 user',
        'Replace 5.7.606 with 5.7.1 (Delivery not authorized, message refused) | 0:86-93 "5.7.1"',
        'Replace 5.7.606 with 5.7.0 (Other or undefined security status) | 0:86-93 "5.7.0"',
        'Replace 5.7.606 with 5.7.2 (Mailing list expansion prohibited) | 0:86-93 "5.7.2"'
      ],
      [
        'Add 5.7.606 to the known codes (workspace settings) | smtpStatusCodes.addKnownCode 5.7.606 workspace',
        'Add 5.7.606 to the known codes (user settings) | smtpStatusCodes.addKnownCode 5.7.606 user',
        'Replace 5.7.606 with 5.7.1 (Delivery not authorized, message refused) | 0:137-144 "5.7.1"',
        'Replace 5.7.606 with 5.7.0 (Other or undefined security status) | 0:137-144 "5.7.0"',
        'Replace 5.7.606 with 5.7.2 (Mailing list expansion prohibited) | 0:137-144 "5.7.2"'
      ],
    ],
  },
  {
    name: 'a leading zero: the registered code it means is preferred',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'olduser@example.com   550 5.01.1 User unknown\n',
    fixes: [
      [
        'Open X.1.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.1.1',
        '* Replace 5.01.1 with 5.1.1 (Bad destination mailbox address) | 0:26-32 "5.1.1"',
        'Replace 5.01.1 with 5.1.0 (Other address status) | 0:26-32 "5.1.0"',
        'Replace 5.01.1 with 5.1.2 (Bad destination system address) | 0:26-32 "5.1.2"',
      ],
    ],
  },
  {
    name: 'class 3 after 550: the class of the reply is preferred',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'olduser@example.com   550 3.1.1 User unknown\n',
    fixes: [
      [
        '* Insert enhanced status code 5.1.1 | 0:26-26 "5.1.1 "',
      ],
      [
        'Open X.1.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.1.1',
        '* Replace 3.1.1 with 5.1.1 (Bad destination mailbox address) | 0:26-31 "5.1.1"',
        'Replace 3.1.1 with 5.1.0 (Other address status) | 0:26-31 "5.1.0"',
        'Replace 3.1.1 with 5.1.2 (Bad destination system address) | 0:26-31 "5.1.2"',
      ],
    ],
  },
  {
    name: 'class 7 after REJECT: the class the action implies is preferred',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'spammer.example   REJECT 7.1.1 Access denied\n',
    fixes: [
      [
        'Open X.1.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.1.1',
        '* Replace 7.1.1 with 5.1.1 (Bad destination mailbox address) | 0:25-30 "5.1.1"',
        'Replace 7.1.1 with 5.7.1 (Delivery not authorized, message refused) | 0:25-30 "5.7.1"',
        'Replace 7.1.1 with 5.1.0 (Other address status) | 0:25-30 "5.1.0"',
      ],
    ],
  },
  {
    name: 'a leading zero in an unregistered code: guesses only, none preferred',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'olduser@example.com   550 5.01.99 User unknown\n',
    fixes: [
      [
        'Replace 5.01.99 with 5.1.1 (Bad destination mailbox address) | 0:26-33 "5.1.1"',
        'Replace 5.01.99 with 5.1.0 (Other address status) | 0:26-33 "5.1.0"',
        'Replace 5.01.99 with 5.1.2 (Bad destination system address) | 0:26-33 "5.1.2"',
      ],
    ],
  },
  {
    name: 'class 6 with nothing to tell the class: guesses of class 5, none preferred',
    uri: 'file:///srv/relay/replies.py', languageId: 'python',
    text: 'STATUS = "6.1.1"\n',
    fixes: [
      [
        'Open X.1.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.1.1',
        'Replace 6.1.1 with 5.1.1 (Bad destination mailbox address) | 0:10-15 "5.1.1"',
        'Replace 6.1.1 with 5.1.0 (Other address status) | 0:10-15 "5.1.0"',
        'Replace 6.1.1 with 5.1.2 (Bad destination system address) | 0:10-15 "5.1.2"',
      ],
    ],
  },
  {
    name: '550 4.1.1: the code takes the class of the reply (preferred), or the reply becomes 450',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'olduser@example.com   550 4.1.1 User unknown\n',
    fixes: [
      [
        'Open X.1.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.1.1',
        '* Replace 4.1.1 with 5.1.1 (Bad destination mailbox address) | 0:26-31 "5.1.1"',
        'Change the reply code 550 to 450 (transient failure) | 0:22-25 "450"',
      ],
    ],
  },
  {
    name: '421 5.4.2: the code takes the class of the 421, or the reply becomes 521',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'x.example   421 5.4.2 Bad connection\n',
    fixes: [
      [
        'Open X.4.2 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.4.2',
        '* Replace 5.4.2 with 4.4.2 (Bad connection) | 0:16-21 "4.4.2"',
        'Change the reply code 421 to 521 (permanent failure) | 0:12-15 "521"',
      ],
    ],
  },
  {
    name: '554 4.7.1: 554 has no transient twin, so only the code changes',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'olduser@example.com   554 4.7.1 Access denied\n',
    fixes: [
      [
        'Open X.7.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.7.1',
        '* Replace 4.7.1 with 5.7.1 (Delivery not authorized, message refused) | 0:26-31 "5.7.1"',
      ],
    ],
  },
  {
    name: 'REJECT 4.7.1: the code becomes 5.7.1, or REJECT becomes DEFER',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'spammer.example   REJECT 4.7.1 Access denied\n',
    fixes: [
      [
        'Open X.7.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.7.1',
        '* Replace 4.7.1 with 5.7.1 (Delivery not authorized, message refused) | 0:25-30 "5.7.1"',
        'Change REJECT to DEFER | 0:18-24 "DEFER"',
      ],
    ],
  },
  {
    name: 'DEFER 5.7.1: the code becomes 4.7.1, or DEFER becomes REJECT',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'busy.example   DEFER 5.7.1 Try later\n',
    fixes: [
      [
        'Open X.7.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.7.1',
        '* Replace 5.7.1 with 4.7.1 (Delivery not authorized, message refused) | 0:21-26 "4.7.1"',
        'Change DEFER to REJECT | 0:15-20 "REJECT"',
      ],
    ],
  },
  {
    name: 'defer_if_permit in lower case: the action is replaced where it is written',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'busy.example   defer_if_permit 5.7.1 Access denied\n',
    fixes: [
      [
        'Open X.7.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.7.1',
        '* Replace 5.7.1 with 4.7.1 (Delivery not authorized, message refused) | 0:31-36 "4.7.1"',
        'Change defer_if_permit to REJECT | 0:15-30 "REJECT"',
      ],
    ],
  },
  {
    name: 'DEFER_IF_REJECT 5.7.1: REJECT',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'busy.example   DEFER_IF_REJECT 5.7.1 Access denied\n',
    fixes: [
      [
        'Open X.7.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.7.1',
        '* Replace 5.7.1 with 4.7.1 (Delivery not authorized, message refused) | 0:31-36 "4.7.1"',
        'Change DEFER_IF_REJECT to REJECT | 0:15-30 "REJECT"',
      ],
    ],
  },
  {
    name: 'Haraka DENYSOFT with a permanent code: DENY',
    uri: 'file:///srv/haraka/plugins/policy.js', languageId: 'javascript',
    text: 'exports.hook_rcpt = function (next) {\n    return next(DENYSOFT, \'5.7.1 Try again later\');\n};\n',
    fixes: [
      [
        'Open X.7.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.7.1',
        '* Replace 5.7.1 with 4.7.1 (Delivery not authorized, message refused) | 1:27-32 "4.7.1"',
        'Change DENYSOFT to DENY | 1:16-24 "DENY"',
      ],
    ],
  },
  {
    name: 'Haraka DENY with a transient code: DENYSOFT',
    uri: 'file:///srv/haraka/plugins/policy.js', languageId: 'javascript',
    text: 'exports.hook_rcpt = function (next) {\n    return next(DENY, \'4.7.1 Access denied\');\n};\n',
    fixes: [
      [
        'Open X.7.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.7.1',
        '* Replace 4.7.1 with 5.7.1 (Delivery not authorized, message refused) | 1:23-28 "5.7.1"',
        'Change DENY to DENYSOFT | 1:16-20 "DENYSOFT"',
      ],
    ],
  },
  {
    name: 'Haraka DENYDISCONNECT with a transient code: DENYSOFTDISCONNECT',
    uri: 'file:///srv/haraka/plugins/policy.js', languageId: 'javascript',
    text: 'exports.hook_rcpt = function (next) {\n    return next(DENYDISCONNECT, \'4.7.1 Access denied\');\n};\n',
    fixes: [
      [
        'Open X.7.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.7.1',
        '* Replace 4.7.1 with 5.7.1 (Delivery not authorized, message refused) | 1:33-38 "5.7.1"',
        'Change DENYDISCONNECT to DENYSOFTDISCONNECT | 1:16-30 "DENYSOFTDISCONNECT"',
      ],
    ],
  },
  {
    name: 'Haraka DENYSOFTDISCONNECT with a permanent code: DENYDISCONNECT',
    uri: 'file:///srv/haraka/plugins/policy.js', languageId: 'javascript',
    text: 'exports.hook_rcpt = function (next) {\n    return next(DENYSOFTDISCONNECT, \'5.7.1 Access denied\');\n};\n',
    fixes: [
      [
        'Open X.7.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.7.1',
        '* Replace 5.7.1 with 4.7.1 (Delivery not authorized, message refused) | 1:37-42 "4.7.1"',
        'Change DENYSOFTDISCONNECT to DENYDISCONNECT | 1:16-34 "DENYDISCONNECT"',
      ],
    ],
  },
  {
    name: 'OpenSMTPD reject with a mismatched reply',
    uri: 'file:///etc/smtpd.conf', languageId: 'plaintext',
    text: 'match from any for domain example.org reject "550 4.7.1 No"\n',
    fixes: [
      [
        'Open X.7.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.7.1',
        '* Replace 4.7.1 with 5.7.1 (Delivery not authorized, message refused) | 0:50-55 "5.7.1"',
        'Change the reply code 550 to 450 (transient failure) | 0:46-49 "450"',
      ],
    ],
  },
  {
    name: 'a deprecated code: the code that replaces it, in the same class',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'olduser@example.com   550 5.6.10 Conversion lost\n',
    fixes: [
      [
        'Open X.6.10 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.6.10',
        '* Replace 5.6.10 with 5.6.8 (UTF-8 string reply is required, but not permitted by the SMTP client) | 0:26-32 "5.6.8"',
      ],
    ],
  },
  {
    name: '571, a reply code no RFC defines: 550 first, then the 5xx replies the registry lists for X.7.1',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'spammer.example   571 5.7.1 Delivery not authorized\n',
    fixes: [
      [
        'Open X.7.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.7.1',
        'Change the reply code 571 to 550 (Requested action not taken: mailbox unavailable (e.g. not found, no access, or command rejected for policy reasons)) | 0:18-21 "550"',
        'Change the reply code 571 to 502 (Command not implemented) | 0:18-21 "502"',
        'Change the reply code 571 to 503 (Bad sequence of commands) | 0:18-21 "503"',
        'Change the reply code 571 to 551 (User not local; please try <forward-path>) | 0:18-21 "551"',
      ],
    ],
  },
  {
    name: '471: 450 first, then the 4xx replies the registry lists for X.7.1',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'busy.example   471 4.7.1 Try again later\n',
    fixes: [
      [
        'Open X.7.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.7.1',
        'Change the reply code 471 to 450 (Requested mail action not taken: mailbox unavailable (e.g. busy or temporarily blocked)) | 0:15-18 "450"',
        'Change the reply code 471 to 451 (Requested action aborted: local error in processing) | 0:15-18 "451"',
        'Change the reply code 471 to 454 (Temporary authentication failure (also: TLS not available due to temporary reason, RFC 3207)) | 0:15-18 "454"',
      ],
    ],
  },
  {
    name: '550 5.3.4 with strictRegistry: the reply codes the registry lists for X.3.4',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'spammer.example   550 5.3.4 Message too big\n',
    fixes: [
      [
        'Open X.3.4 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.3.4',
        'Change the reply code 550 to 552 (Requested mail action aborted: exceeded storage allocation) | 0:18-21 "552"',
        'Change the reply code 550 to 554 (Transaction failed (or, in reply to a connection opening, no SMTP service here)) | 0:18-21 "554"',
      ],
    ],
  },
  {
    name: '452 4.5.3 with strictRegistry: 451',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'spammer.example   452 4.5.3 Too many recipients\n',
    fixes: [
      [
        'Open X.5.3 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.5.3',
        'Change the reply code 452 to 451 (Requested action aborted: local error in processing) | 0:18-21 "451"',
      ],
    ],
  },
  {
    name: 'a transient-only code as a permanent one after 550: codes of the same class, or 450 with the transient code',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'loop.example   550 5.4.6 Routing loop detected\n',
    fixes: [
      [
        'Open X.4.6 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.4.6',
        'Replace 5.4.6 with 5.7.28 (Mail flood detected) | 0:19-24 "5.7.28"',
        'Replace 5.4.6 with 5.4.0 (Other or undefined network or routing status) | 0:19-24 "5.4.0"',
        'Replace 5.4.6 with 5.0.0 (Other undefined Status) | 0:19-24 "5.0.0"',
        'Make it a transient failure: 450 4.4.6 | 0:19-24 "4.4.6", 0:15-18 "450"',
      ],
    ],
  },
  {
    name: 'a transient-only code after REJECT: the other class without a reply code',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'loop.example   REJECT 5.4.6 Routing loop detected\n',
    fixes: [
      [
        'Open X.4.6 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.4.6',
        'Replace 5.4.6 with 5.7.28 (Mail flood detected) | 0:22-27 "5.7.28"',
        'Replace 5.4.6 with 5.4.0 (Other or undefined network or routing status) | 0:22-27 "5.4.0"',
        'Replace 5.4.6 with 5.0.0 (Other undefined Status) | 0:22-27 "5.0.0"',
        'Make it a transient failure: 4.4.6 | 0:22-27 "4.4.6"',
      ],
    ],
  },
  {
    name: 'a transient-only code after 554, which has no transient twin: codes of the same class only',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'loop.example   554 5.4.6 Routing loop detected\n',
    fixes: [
      [
        'Open X.4.6 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.4.6',
        'Replace 5.4.6 with 5.7.28 (Mail flood detected) | 0:19-24 "5.7.28"',
        'Replace 5.4.6 with 5.4.0 (Other or undefined network or routing status) | 0:19-24 "5.4.0"',
        'Replace 5.4.6 with 5.0.0 (Other undefined Status) | 0:19-24 "5.0.0"',
      ],
    ],
  },
  {
    name: 'a permanent-only code after 450: codes of the same class, or 550 with the permanent code',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'old@example.com   450 4.1.6 Mailbox has moved\n',
    fixes: [
      [
        'Open X.1.6 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.1.6',
        'Replace 4.1.6 with 4.7.17 (Mailbox owner has changed) | 0:22-27 "4.7.17"',
        'Replace 4.1.6 with 4.2.2 (Mailbox full) | 0:22-27 "4.2.2"',
        'Replace 4.1.6 with 4.1.1 (Bad destination mailbox address) | 0:22-27 "4.1.1"',
        'Make it a permanent failure: 550 5.1.6 | 0:22-27 "5.1.6", 0:18-21 "550"',
      ],
    ],
  },
  {
    name: 'a permanent-only code after DEFER: the permanent code alone',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'old@example.com   DEFER 4.1.6 Mailbox has moved\n',
    fixes: [
      [
        'Open X.1.6 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.1.6',
        'Replace 4.1.6 with 4.7.17 (Mailbox owner has changed) | 0:24-29 "4.7.17"',
        'Replace 4.1.6 with 4.2.2 (Mailbox full) | 0:24-29 "4.2.2"',
        'Replace 4.1.6 with 4.1.1 (Bad destination mailbox address) | 0:24-29 "4.1.1"',
        'Make it a permanent failure: 5.1.6 | 0:24-29 "5.1.6"',
      ],
    ],
  },
  {
    name: 'a Postfix parameter that takes a reply code: the fix the finding carries',
    uri: 'file:///etc/postfix/main.cf', languageId: 'plaintext',
    text: 'smtpd_client_restrictions = reject_rbl_client zen.spamhaus.org\nunknown_local_recipient_reject_code = 5.1.1\n',
    fixes: [
      [
        '* Replace 5.1.1 with 550 | 1:38-43 "550"',
      ],
    ],
  },
  {
    name: '559, undefined, before a code the registry lists with many replies: 550 first, then three of the listed 5xx replies',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'bad.example   559 5.5.1 Invalid command\n',
    fixes: [
      [
        'Open X.5.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.5.1',
        'Change the reply code 559 to 550 (Requested action not taken: mailbox unavailable (e.g. not found, no access, or command rejected for policy reasons)) | 0:14-17 "550"',
        'Change the reply code 559 to 500 (Syntax error, command unrecognized (also: authentication exchange line too long, RFC 4954)) | 0:14-17 "500"',
        'Change the reply code 559 to 501 (Syntax error in parameters or arguments) | 0:14-17 "501"',
        'Change the reply code 559 to 503 (Bad sequence of commands) | 0:14-17 "503"',
      ],
    ],
  },
  {
    name: 'a code the registry lacks after an undefined reply: the code is the problem, the reply code is left alone',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'bad.example   571 5.7.99 Go away\n',
    fixes: [
      [
        'Add 5.7.99 to the known codes (workspace settings) | smtpStatusCodes.addKnownCode 5.7.99 workspace',
        'Add 5.7.99 to the known codes (user settings) | smtpStatusCodes.addKnownCode 5.7.99 user',
        'Replace 5.7.99 with 5.7.0 (Other or undefined security status) | 0:18-24 "5.7.0"',
        'Replace 5.7.99 with 5.7.1 (Delivery not authorized, message refused) | 0:18-24 "5.7.1"',
        'Replace 5.7.99 with 5.7.2 (Mailing list expansion prohibited) | 0:18-24 "5.7.2"',
      ],
    ],
  },
  {
    name: 'a success code after 550: the code takes the class of the reply; 450 would be no success either, so the reply stays',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'x.example   550 2.0.0 Ok\n',
    fixes: [
      [
        'Open X.0.0 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.0.0',
        '* Replace 2.0.0 with 5.0.0 (Other undefined Status) | 0:16-21 "5.0.0"',
      ],
    ],
  },
];

describe('quick fixes: what each one offers and changes', () => {
  for (const { name, uri, languageId, settings, text, fixes } of CASES) {
    test(name, () => assert.deepEqual(fixesOf(uri, languageId, text, settings), fixes));
  }
});

describe('quick fixes: comments that switch a check off', () => {
  /** The comment lines offered for the first diagnostic: for its line, then for the file. */
  const comments = (uri: string, languageId: string, text: string) => fixesOf(uri, languageId, text, STRICT, true)[0].filter((line) => line.startsWith('Disable '));

  test('in a Postfix map: a # comment above the line, and one at the top of the file', () => {
    assert.deepEqual(comments('file:///etc/postfix/sender_access', 'plaintext', 'a.example   OK\nspammer.example   REJECT 4.7.1 Access denied\n'), [
      'Disable class-mismatch for this line | 1:0-0 "# smtp-status-codes-disable-next-line class-mismatch\\n"',
      'Disable class-mismatch for this file | 0:0-0 "# smtp-status-codes-disable class-mismatch\\n"',
    ]);
  });

  test('the comment line ends as the file\'s lines do: CRLF, or a lone CR', () => {
    assert.deepEqual(comments('file:///etc/postfix/sender_access', 'plaintext', 'a.example   OK\r\nspammer.example   REJECT 4.7.1 Access denied\r\n'), [
      'Disable class-mismatch for this line | 1:0-0 "# smtp-status-codes-disable-next-line class-mismatch\\r\\n"',
      'Disable class-mismatch for this file | 0:0-0 "# smtp-status-codes-disable class-mismatch\\r\\n"',
    ]);
    assert.deepEqual(comments('file:///etc/postfix/sender_access', 'plaintext', 'a.example   OK\rspammer.example   REJECT 4.7.1 Access denied\r'), [
      'Disable class-mismatch for this line | 1:0-0 "# smtp-status-codes-disable-next-line class-mismatch\\r"',
      'Disable class-mismatch for this file | 0:0-0 "# smtp-status-codes-disable class-mismatch\\r"',
    ]);
    assert.deepEqual(comments('file:///etc/postfix/sender_access', 'plaintext', 'spammer.example   REJECT 4.7.1 Access denied'), [
      'Disable class-mismatch for this line | 0:0-0 "# smtp-status-codes-disable-next-line class-mismatch\\n"',
      'Disable class-mismatch for this file | 0:0-0 "# smtp-status-codes-disable class-mismatch\\n"',
    ], 'a file of one line without a line break');
  });

  test('indented as the line in an Exim ACL and in code; the file comment goes below a #! line', () => {
    assert.deepEqual(comments('file:///etc/exim4/exim4.conf', 'plaintext', 'acl_check_rcpt:\n  deny    message       = 550 4.7.1 Relay not permitted\n'), [
      'Disable class-mismatch for this line | 1:0-0 "  # smtp-status-codes-disable-next-line class-mismatch\\n"',
      'Disable class-mismatch for this file | 0:0-0 "# smtp-status-codes-disable class-mismatch\\n"',
    ]);
    assert.deepEqual(comments('file:///srv/haraka/plugins/policy.js', 'javascript', "exports.hook_rcpt = function (next) {\n    return next(DENY, '4.7.1 Access denied');\n};\n"), [
      'Disable class-mismatch for this line | 1:0-0 "    // smtp-status-codes-disable-next-line class-mismatch\\n"',
      'Disable class-mismatch for this file | 0:0-0 "// smtp-status-codes-disable class-mismatch\\n"',
    ]);
    assert.deepEqual(comments('file:///srv/relay/replies.py', 'python', "#!/usr/bin/env python3\nREPLY = '550 4.1.1 User unknown'\n"), [
      'Disable class-mismatch for this line | 1:0-0 "# smtp-status-codes-disable-next-line class-mismatch\\n"',
      'Disable class-mismatch for this file | 1:0-0 "# smtp-status-codes-disable class-mismatch\\n"',
    ]);
    assert.deepEqual(comments('file:///etc/postfix/sender_access', 'plaintext', '#!\nspammer.example   REJECT 4.7.1 Access denied\n')[1],
      'Disable class-mismatch for this file | 1:0-0 "# smtp-status-codes-disable class-mismatch\\n"', 'the two characters #! alone');
    assert.deepEqual(comments('file:///etc/postfix/sender_access', 'plaintext', '# !\nspammer.example   REJECT 4.7.1 Access denied\n')[1],
      'Disable class-mismatch for this file | 0:0-0 "# smtp-status-codes-disable class-mismatch\\n"', 'a comment that is no #! line');
  });

  test('none in a log: its lines are not the reader\'s to annotate', () => {
    const log = 'Nov 30 10:00:01 mx postfix/smtp[123]: 4F2: to=<a@b.example>, relay=x[1.2.3.4]:25, dsn=4.1.1, status=bounced (host x[1.2.3.4] said: 550 4.1.1 User unknown (in reply to RCPT TO command))\n';
    assert.deepEqual(comments('file:///var/log/mail.log', 'log', log), []);
  });
});

describe('quick fixes: which are preferred, and for which diagnostics', () => {
  const MISMATCH = "#!/usr/bin/env python3\nREPLY = '550 4.1.1 User unknown'\n";
  const preferred = (uri: string, languageId: string, text: string) => fixesOf(uri, languageId, text).flat().filter((line) => line.startsWith('* '));

  test('in a project\'s code, the code that matches the reply is preferred; in its tests, which hold wrong replies on purpose, nothing is', () => {
    assert.deepEqual(preferred('file:///srv/relay/replies.py', 'python', MISMATCH), ['* Replace 4.1.1 with 5.1.1 (Bad destination mailbox address) | 1:13-18 "5.1.1"']);
    assert.deepEqual(preferred('file:///srv/relay/test_replies.py', 'python', MISMATCH), []);
    assert.deepEqual(fixesOf('file:///srv/relay/test_replies.py', 'python', MISMATCH)[0].length, 3, 'still offered');
  });

  test('in a log, a class fix is offered and never preferred', () => {
    const log = 'Nov 30 10:00:01 mx postfix/smtp[123]: 4F2: to=<a@b.example>, relay=x[1.2.3.4]:25, dsn=4.1.1, status=bounced (host x[1.2.3.4] said: 550 4.1.1 User unknown (in reply to RCPT TO command))\n';
    assert.deepEqual(fixesOf('file:///var/log/mail.log', 'log', log), [[
      'Open X.1.1 in the IANA registry | smtpStatusCodes.openRegistryEntry <registry> X.1.1',
      'Replace 4.1.1 with 5.1.1 (Bad destination mailbox address) | 0:135-140 "5.1.1"',
      'Change the reply code 550 to 450 (transient failure) | 0:131-134 "450"',
    ]]);
  });

  test('only this service\'s diagnostics get fixes, and only where they stand', () => {
    const uri = 'file:///etc/postfix/sender_access';
    const { document, diagnostics: [diagnostic] } = validate(uri, 'plaintext', 'spammer.example   REJECT 4.7.1 Access denied\n');
    assert.deepEqual(service.doCodeActions(document, [{ ...diagnostic, source: 'postfix-lint' }]), []);
    assert.deepEqual(service.doCodeActions(document, [{ ...diagnostic, code: 42 }]), []);
    const moved = { ...diagnostic, range: { start: diagnostic.range.start, end: { line: 0, character: diagnostic.range.end.character + 1 } } };
    assert.deepEqual(service.doCodeActions(document, [moved]).map((action) => action.title), [
      'Disable class-mismatch for this line', 'Disable class-mismatch for this file',
    ], 'a range that is not the code\'s: no edit of a code it does not cover');
    const actions = service.doCodeActions(document, [diagnostic]);
    assert.ok(actions.length > 0 && actions.every((action) => action.kind === 'quickfix' && action.diagnostics?.[0] === diagnostic), 'every fix is a quick fix that answers the diagnostic');
    service.forget(uri);
  });

  test('the commands carry their titles and the diagnostic they answer', () => {
    const uri = 'file:///etc/postfix/sender_access';
    const { document, diagnostics } = validate(uri, 'plaintext', 'olduser@example.com   550 5.01.1 User unknown\nspammer.example   REJECT 5.7.99 Blocked for spam\n');
    const commands = diagnostics.map((diagnostic) => service.doCodeActions(document, [diagnostic]).map((action) => {
      assert.deepEqual(action.diagnostics, [diagnostic]);
      return action.command?.title;
    }).filter(Boolean));
    assert.deepEqual(commands, [['Open the registry entry'], ['Add to known codes', 'Add to known codes']]);
    service.forget(uri);
  });

  test('a malformed code: its registered form and at most two guesses', () => {
    assert.deepEqual(fixesOf('file:///etc/postfix/recipient_access', 'plaintext', 'olduser@example.com   550 5.01.3 Mailbox full\n', {})[0].filter((fix) => fix.includes('Replace')).map((fix) => fix.slice(0, fix.indexOf(' |'))), [
      '* Replace 5.01.3 with 5.1.3 (Bad destination mailbox address syntax)',
      'Replace 5.01.3 with 5.2.2 (Mailbox full)',
      'Replace 5.01.3 with 5.1.1 (Bad destination mailbox address)',
    ]);
  });

  test('two diagnostics at once: each gets its own fixes, in order', () => {
    const uri = 'file:///etc/postfix/sender_access';
    const { document, diagnostics } = validate(uri, 'plaintext', 'spammer.example   REJECT 4.7.1 Access denied\nbusy.example   DEFER 5.7.1 Try later\n');
    const titles = service.doCodeActions(document, diagnostics).filter((action) => action.isPreferred).map((action) => action.title);
    assert.deepEqual(titles, ['Replace 4.7.1 with 5.7.1 (Delivery not authorized, message refused)', 'Replace 5.7.1 with 4.7.1 (Delivery not authorized, message refused)']);
    service.forget(uri);
  });
});

/**
 * [a line with a code the registry lacks (X.9.99) or none at all, the codes its fixes write, best first]: the code the
 * words of the reply name comes first, then the codes whose registry text shares most words with the reply.
 */
const NAMED_BY_THEIR_WORDS: [string, string[]][] = [
  ['bob@example.com   550 5.9.99 No such user here', ['5.1.1', '5.7.13', '5.7.20']],
  ['bob@example.com   550 5.9.99 No such mailbox', ['5.1.1', '5.1.6', '5.2.2']],
  ['bob@example.com   550 5.9.99 User unknown in virtual mailbox table', ['5.1.1', '5.2.2', '5.7.13']],
  ['bob@example.com   550 5.9.99 Unknown user', ['5.1.1', '5.7.13', '5.0.0']],
  ['bob@example.com   550 5.9.99 unknown recipient', ['5.1.1', '5.1.10', '5.6.7']],
  ['bob@example.com   550 5.9.99 Recipient not found', ['5.1.1', '5.1.10', '5.7.20']],
  ['bob@example.com   550 5.9.99 The email account that you tried to reach does not exist', ['5.1.1', '5.7.13', '5.0.0']],
  ['bob@example.com   552 5.9.99 Mailbox full', ['5.2.2', '5.1.1', '5.1.4']],
  ['bob@example.com   552 5.9.99 Quota exceeded', ['5.2.2', '5.0.0', '5.1.0']],
  ['bob@example.com   552 5.9.99 Mailbox size limit exceeded', ['5.2.2', '5.1.1', '5.1.4']],
  ['bob@example.com   552 5.9.99 The user\'s mailbox is over quota', ['5.2.2', '5.7.13', '5.1.1']],
  ['bob@example.com   452 4.9.99 Mailbox is full, try again later', ['4.2.2', '4.3.1', '4.1.1']],
  ['bob@example.com   550 5.9.99 Full mailbox', ['5.2.2', '5.1.1', '5.1.4']],
  ['bob@example.com   550 5.9.99 Account disabled', ['5.2.1', '5.7.13', '5.0.0']],
  ['bob@example.com   550 5.9.99 Mailbox inactive', ['5.2.1', '5.2.2', '5.1.1']],
  ['bob@example.com   550 5.9.99 Account suspended', ['5.2.1', '5.7.13', '5.0.0']],
  ['bob@example.com   552 5.9.99 Message too big', ['5.3.4', '5.7.16', '5.5.3']],
  ['bob@example.com   552 5.9.99 Message too large', ['5.3.4', '5.7.16', '5.5.3']],
  ['bob@example.com   552 5.9.99 Message size exceeds fixed maximum message size', ['5.3.4', '5.2.3', '5.6.6']],
  ['bob@example.com   552 5.9.99 Size limit reached', ['5.3.4', '5.2.3', '5.0.0']],
  ['bob@example.com   452 4.9.99 Too many recipients', ['4.5.3', '4.7.9', '4.7.15']],
  ['mx.example.net   550 5.9.99 Reverse DNS lookup failed', ['5.7.25', '5.6.5', '5.7.23']],
  ['mx.example.net   550 5.9.99 Client host rejected: cannot find your reverse hostname', ['5.7.25', '5.6.9', '5.7.19']],
  ['mx.example.net   550 5.9.99 No PTR record for your IP', ['5.7.25', '5.7.20', '5.7.21']],
  ['mx.example.net   550 5.9.99 rDNS check failed', ['5.7.25', '5.6.5', '5.7.23']],
  ['mx.example.net   550 5.9.99 SPF check failed', ['5.7.23', '5.6.5', '5.7.24']],
  ['mx.example.net   550 5.9.99 DKIM signature invalid', ['5.7.20', '5.7.21', '5.5.1']],
  ['mx.example.net   530 5.9.99 Authentication required', ['5.7.0', '5.7.11', '5.6.2']],
  ['mx.example.net   530 5.9.99 Auth needed', ['5.7.0', '5.7.10', '5.7.12']],
  ['mx.example.net   535 5.9.99 Authentication failed', ['5.7.8', '5.7.26', '5.6.5']],
  ['mx.example.net   535 5.9.99 Authentication credentials invalid', ['5.7.8', '5.5.1', '5.5.4']],
  ['mx.example.net   535 5.9.99 Auth invalid', ['5.7.8', '5.5.1', '5.5.4']],
  ['mx.example.net   550 5.9.99 Relaying denied', ['5.7.1', '5.0.0', '5.1.0']],
  ['mx.example.net   550 5.9.99 Relay access denied', ['5.7.1', '5.0.0', '5.1.0']],
  ['mx.example.net   550 5.9.99 Blocked using zen.spamhaus.org', ['5.7.1', '5.0.0', '5.1.0']],
  ['mx.example.net   550 5.9.99 Listed on our blacklist', ['5.7.1', '5.0.0', '5.1.0']],
  ['mx.example.net   550 5.9.99 Listed on our blocklist', ['5.7.1', '5.0.0', '5.1.0']],
  ['mx.example.net   550 5.9.99 Sender refused', ['5.7.1', '5.1.8', '5.1.7']],
  ['mx.example.net   550 5.9.99 Rejected by local policy', ['5.7.1', '5.6.9', '5.0.0']],
  ['mx.example.net   550 5.9.99 Spam message rejected', ['5.7.1', '5.6.6', '5.7.7']],
  ['mx.example.net   550 5.9.99 You are not allowed to send here', ['5.7.1', '5.0.0', '5.1.0']],
  ['mx.example.net   550 5.9.99 You are not welcome here', ['5.7.1', '5.0.0', '5.1.0']],
  ['mx.example.net   451 4.9.99 Greylisted, please try again later', ['4.7.1', '4.0.0', '4.1.0']],
  ['mx.example.net   451 4.9.99 Greylisting in action', ['4.7.1', '4.0.0', '4.1.0']],
  ['mx.example.net   451 4.9.99 Temporary failure', ['4.7.1', '4.7.5', '4.4.3']],
  ['mx.example.net   421 4.9.99 Server busy', ['4.7.1', '4.4.3', '4.0.0']],
  ['mx.example.net   421 4.9.99 Rate limit reached', ['4.7.1', '4.0.0', '4.1.0']],
  ['mx.example.net   451 4.9.99 Try again', ['4.7.1', '4.0.0', '4.1.0']],
  ['bob@example.com   550 5.9.99 Mailbox moved', ['5.1.6', '5.2.2', '5.1.1']],
  ['bob@example.com   550 5.9.99 This user no longer works here', ['5.1.6', '5.7.13', '5.7.20']],
  ['bob@example.com   550 5.9.99 Invalid command arguments', ['5.5.4', '5.5.1', '5.7.8']],
  ['bob@example.com   550 5.9.99 Message content rejected', ['5.6.6', '5.7.7', '5.3.4']],
  ['bob@example.com   550 5.9.99', ['5.0.0', '5.1.0', '5.1.1']],
  ['mx.example.net   550 5.1.99 Relay not permitted', ['5.7.1', '5.1.0', '5.1.1']],
  ['mx.example.net   451 4.1.99 Temporarily rejected', ['4.7.1', '4.1.0', '4.1.1']],
  ['mx.example.net   452 4.1.99 Too many recipients', ['4.5.3', '4.1.0', '4.1.1']],
  ['mx.example.net   452 Too many recipients', ['4.5.3']],
  ['mx.example.net   550 SPF check failed', ['5.7.23']],
  ['mx.example.net   550 DKIM signature invalid', ['5.7.20']],
  ['mx.example.net   550 User unknown', ['5.1.1']],
  ['mx.example.net   550 Mailbox full', ['5.2.2']],
  ['mx.example.net   550 Quota exceeded, see you', ['5.2.2']],
  ['mx.example.net   552 Mailbox quota full', ['5.2.2']],
  ['mx.example.net   250 2.9.99 Ok: queued as 4F2A31C0E2', ['2.0.0', '2.1.0', '2.1.5']],
  ['bob@example.com   550 5.9.99 Mailbox full of old messages: quota exceeded', ['5.2.2', '5.2.1', '5.1.1']],
  ['bob@example.com   550 5.9.99 quotas of mailboxes', ['5.0.0', '5.1.0', '5.1.1']],
];

describe('quick fixes: the code the words of a reply name', () => {
  test('user unknown, mailbox full, disabled, too big, too many recipients, DNS, SPF, DKIM, authentication, policy, later, moved', () => {
    for (const [line, expected] of NAMED_BY_THEIR_WORDS) {
      const written = fixesOf('file:///etc/postfix/recipient_access', 'plaintext', `${line}\n`, {}).flat()
        .filter((fix) => /^(?:\* )?(?:Replace|Insert) /.test(fix))
        .map((fix) => fix.slice(fix.lastIndexOf(' | ') + 3))
        .map((edit) => (JSON.parse(edit.slice(edit.indexOf(' ') + 1)) as string).trim());
      assert.deepEqual(written, expected, line);
    }
  });
});
