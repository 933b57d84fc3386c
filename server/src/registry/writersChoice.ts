/**
 * The codes a writer most likely wants, first, for each kind of reply: what MTAs and mail servers write in practice (Postfix's
 * and Exim's defaults, RFC 5321 and RFC 4954 examples), not the registry's numeric order. Codes are written with X for the class.
 */

/** After a reply code: the codes that go with what that reply says. 550 in a recipient context is "user unknown". */
export const CODES_AFTER_REPLY: Readonly<Record<number, readonly string[]>> = {
  250: ['X.0.0', 'X.1.0', 'X.1.5', 'X.6.0'],
  251: ['X.1.5'],
  252: ['X.0.0', 'X.1.5'],
  421: ['X.7.0', 'X.3.2', 'X.4.2', 'X.7.1'],
  450: ['X.7.1', 'X.2.2', 'X.1.1', 'X.2.1', 'X.1.8', 'X.7.0'],
  451: ['X.7.1', 'X.3.0', 'X.4.3', 'X.4.0', 'X.7.0'],
  452: ['X.2.2', 'X.5.3', 'X.3.1', 'X.4.5'],
  454: ['X.7.0', 'X.7.12'],
  455: ['X.5.3', 'X.5.4'],
  500: ['X.5.2', 'X.5.1', 'X.5.6'],
  501: ['X.5.4', 'X.5.2', 'X.1.3', 'X.1.7'],
  502: ['X.5.1', 'X.5.2'],
  503: ['X.5.1', 'X.5.0'],
  504: ['X.5.4', 'X.5.2'],
  521: ['X.3.2', 'X.7.1'],
  530: ['X.7.0', 'X.7.11'],
  534: ['X.7.9'],
  535: ['X.7.8'],
  538: ['X.7.11'],
  550: ['X.7.1', 'X.1.1', 'X.7.0', 'X.1.0', 'X.2.1', 'X.7.26', 'X.1.8'],
  551: ['X.1.6', 'X.7.1'],
  552: ['X.3.4', 'X.2.2', 'X.2.3'],
  553: ['X.1.3', 'X.7.1', 'X.1.7'],
  554: ['X.7.1', 'X.6.0', 'X.3.0', 'X.7.0'],
  555: ['X.5.4'],
  556: ['X.1.10'],
};

/** 550 where the reply is about a recipient: the mailbox does not exist, first. */
export const CODES_AFTER_RECIPIENT_REJECT: readonly string[] = ['X.1.1', 'X.2.1', 'X.1.6', 'X.7.1', 'X.2.2'];

/** After an action of a class (Postfix REJECT, Haraka DENYSOFT, Exim deny): a refusal for policy first. No action implies success. */
export const CODES_AFTER_ACTION: Readonly<Record<4 | 5, readonly string[]>> = {
  4: ['X.7.1', 'X.2.2', 'X.7.0', 'X.3.0', 'X.4.3', 'X.1.1'],
  5: ['X.7.1', 'X.1.1', 'X.7.0', 'X.1.8', 'X.7.23', 'X.7.25', 'X.2.1'],
};
