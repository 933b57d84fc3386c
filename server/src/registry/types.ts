/** Shapes of the IANA "SMTP Enhanced Status Codes" registry as this project stores it. */

export type StatusClass = 2 | 4 | 5;

/** Whether the registry says a code suits permanent failures, transient ones, both, or says nothing. */
export type Usage = 'permanent' | 'transient' | 'both' | 'unstated';

export interface Reference {
  /** "RFC 3463", "Section 3 of RFC7001", "draft-levine-mailbomb-header-00". */
  label: string;
  url?: string;
  /** What IANA writes after the reference, e.g. "Standards Track". */
  note?: string;
}

export interface AssociatedReplyCodes {
  /** The text as IANA writes it ("451, 550", "5XX", "Not given", ...). */
  raw: string;
  /** "listed": only `codes` and reply codes of `classes`; "any": every reply code; "not-given": no statement. */
  kind: 'listed' | 'any' | 'not-given';
  codes: number[];
  /** Classes of which any reply code fits ("5XX", "other 4XX or 5XX codes are allowed"). */
  classes: StatusClass[];
}

export interface ClassEntry {
  code: string;
  statusClass: StatusClass;
  summary: string;
  description: string;
  references: Reference[];
  submitter: string;
  changeController: string;
}

export interface SubjectEntry {
  code: string;
  subject: number;
  summary: string;
  description: string;
  references: Reference[];
  submitter: string;
  changeController: string;
}

export interface EnumeratedEntry {
  /** "X.1.1" */
  code: string;
  subject: number;
  detail: number;
  sample: string;
  description: string;
  replyCodes: AssociatedReplyCodes;
  usage: Usage;
  /** Set where the registry deprecates the code; names the code to use instead. */
  deprecatedBy?: string;
  references: Reference[];
  submitter: string;
  changeController: string;
  /** Registration and last-update dates IANA records (YYYY-MM-DD). */
  registered?: string;
  updated?: string;
}

export interface IanaRegistry {
  title: string;
  created: string;
  updated: string;
  classes: ClassEntry[];
  subjects: SubjectEntry[];
  codes: EnumeratedEntry[];
}
