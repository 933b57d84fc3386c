/** The quick-fix fixtures: files with mistakes, where they would live, and the text expected once every preferred fix is applied. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from './paths';

export const QUICKFIX_FIXTURES: { name: string; uri: string; languageId: string }[] = [
  { name: 'sender_access', uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext' },
  { name: 'main.cf', uri: 'file:///etc/postfix/main.cf', languageId: 'plaintext' },
  { name: 'header_checks', uri: 'file:///etc/postfix/header_checks', languageId: 'plaintext' },
  { name: 'exim4.conf', uri: 'file:///etc/exim4/exim4.conf', languageId: 'plaintext' },
  { name: 'access', uri: 'file:///etc/mail/access', languageId: 'plaintext' },
  { name: 'sendmail.mc', uri: 'file:///etc/mail/sendmail.mc', languageId: 'plaintext' },
  { name: 'smtpd.conf', uri: 'file:///etc/smtpd.conf', languageId: 'plaintext' },
  { name: 'haraka-plugin.js', uri: 'file:///srv/haraka/plugins/example.js', languageId: 'javascript' },
];

export const QUICKFIX_DIR = path.join(FIXTURES, 'quickfix');

export function quickfixText(name: string, suffix = ''): string {
  return fs.readFileSync(path.join(QUICKFIX_DIR, name + suffix), 'utf8');
}
