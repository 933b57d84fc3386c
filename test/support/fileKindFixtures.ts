/** A Postfix access map under a name that says nothing: only its content tells what it is. */
export const RULES_TXT = [
  '# check_client_access hash:/etc/postfix/rules.txt',
  '192.0.2.0/24        REJECT 5.7.1 Your network is blocked',
  'mail.example.net    REJECT 4.7.1 Too many connections, try later',
  'partner.example.org OK',
].join('\n');
