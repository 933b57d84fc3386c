// Writes the TextMate grammars in syntaxes/ (JSON, as editors load them) from the readable definitions below.
import * as fs from 'node:fs';

const CODE_END = '(?![0-9A-Za-z]|\\.[0-9])';
/** Where a dotted triple is a code: after a reply code, a status field or an MTA action (fixed-length look-behinds). */
const CODE_LEAD = '(?<=[2-5][0-9]{2}[ _-]|dsn=|DSN=|[Ss]tatus: |[Ss]tatus=|REJECT |DEFER |\\(#|ERROR:|\\$@ |\\]: )';
const CLASSES = [['2', 'inserted', 'success'], ['4', 'changed', 'transient'], ['5', 'deleted', 'permanent']];

const injection = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'SMTP enhanced status codes',
  scopeName: 'smtp-status-codes.injection',
  injectionSelector: 'L:text.log, L:text.log.mail, L:string -string.regexp, L:comment, L:source.ini, L:source.properties, L:text.html.markdown',
  patterns: CLASSES.flatMap(([digit, markup, name]) => [
    {
      comment: `A ${name} reply code followed by an enhanced code (${digit}xx ${digit}.X.X)`,
      match: `(?<![0-9A-Za-z.])${digit}[0-9]{2}(?=[ -][245]\\.[0-9]{1,3}\\.[0-9]{1,3}${CODE_END})`,
      name: `markup.${markup}.reply-code.${name}.smtp`,
    },
    {
      comment: `A ${name} enhanced status code (${digit}.X.X) where its context says it is one`,
      match: `${CODE_LEAD}${digit}\\.[0-9]{1,3}\\.[0-9]{1,3}${CODE_END}`,
      name: `markup.${markup}.status-code.${name}.smtp`,
    },
  ]),
};

const mailLog = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Mail Log',
  scopeName: 'text.log.mail',
  patterns: [
    { match: '^(?:[A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2}|[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)', name: 'comment.line.timestamp.mail-log' },
    {
      comment: 'Syslog host and program[pid]: mx1 postfix/smtpd[21873]:',
      match: '(?<=[0-9] )([\\w.-]+) ((?:postfix|sendmail|sm-mta|exim|dovecot|opendkim|opendmarc|policyd-spf|amavis|spamd|rspamd|smtpd)[\\w/.-]*)(?:\\[([0-9]+)\\])?:',
      captures: { 1: { name: 'entity.name.tag.host.mail-log' }, 2: { name: 'entity.name.function.program.mail-log' }, 3: { name: 'constant.numeric.pid.mail-log' } },
    },
    { match: '(?<=: )(?:[0-9A-F]{10,12}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{12,20}|[0-9a-zA-Z]{8}[0-9]{6}):', name: 'variable.other.queue-id.mail-log' },
    { match: '(?<= )[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}(?= )', name: 'variable.other.queue-id.exim.mail-log' },
    { match: '(?<= )(?:<=|=>|->|\\*>|\\*\\*|==)(?= )', name: 'keyword.operator.delivery.exim.mail-log' },
    {
      match: '\\b(status|stat)=(sent|delivered|deliverable|Sent)\\b',
      captures: { 1: { name: 'keyword.other.field.mail-log' }, 2: { name: 'markup.inserted.delivery-status.mail-log' } },
    },
    {
      match: '\\b(status|stat)=(deferred|Deferred|undeliverable)\\b',
      captures: { 1: { name: 'keyword.other.field.mail-log' }, 2: { name: 'markup.changed.delivery-status.mail-log' } },
    },
    {
      match: '\\b(status|stat)=(bounced|expired|User unknown|Service unavailable)\\b',
      captures: { 1: { name: 'keyword.other.field.mail-log' }, 2: { name: 'markup.deleted.delivery-status.mail-log' } },
    },
    { match: '\\b(?:NOQUEUE|reject|milter-reject|rejected|warning|error|fatal|panic)(?=:| )', name: 'keyword.other.event.mail-log' },
    { match: '\\b(?:dsn|relay|delay|delays|to|from|orig_to|size|nrcpt|proto|helo|ctladdr|mailer|pri|msgid|xdelay|reject|ruleset|arg1)(?==)', name: 'keyword.other.field.mail-log' },
    { match: '<[^<>\\s@]*@[^<>\\s]+>|(?<=[ <])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+', name: 'string.other.address.mail-log' },
    { match: '(?<![0-9.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9.])|(?<=\\[)[0-9a-fA-F:]*:[0-9a-fA-F:.]+(?=\\])', name: 'constant.numeric.ip-address.mail-log' },
  ],
};

// Run: node scripts/grammars.mjs [--check]; with --check it only says whether syntaxes/ is up to date (exit 1 if not).
const files = {
  'syntaxes/smtp-status-codes.injection.tmLanguage.json': injection,
  'syntaxes/mail-log.tmLanguage.json': mailLog,
};
const check = process.argv.includes('--check');
let stale = false;
fs.mkdirSync('syntaxes', { recursive: true });
for (const [file, grammar] of Object.entries(files)) {
  const text = JSON.stringify(grammar, null, 2) + '\n';
  if (check) stale ||= !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text;
  else fs.writeFileSync(file, text);
}
if (check && stale) {
  console.error('syntaxes/ is out of date: run node scripts/grammars.mjs');
  process.exit(1);
}
