/** The `smtpStatusCodes` settings: defaults, and a reader that turns whatever the client sends into valid settings. */
import type { DocumentKind } from './documentKind';
import { FILE_KIND_NAMES, isFileKind } from './fileKinds';

export const DIAGNOSTIC_CODES = [
  'unregistered-code', 'malformed-code', 'class-mismatch', 'unexpected-reply-code', 'usage-mismatch', 'deprecated-code',
  'missing-code', 'invalid-reply-code', 'dsn-inconsistency',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export const SEVERITY_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

export interface Settings {
  hover: { enabled: boolean };
  completion: { enabled: boolean };
  validate: { enabled: boolean };
  /** What Microsoft 365, Gmail and other providers document about their own codes: hover, and no unregistered-code for them. */
  providers: { enabled: boolean };
  /** Inlay hints after each code with its sample text: in logs and bounces, and in other files. */
  inlayHints: { inLogs: boolean; elsewhere: boolean };
  /** Severity of each check in configuration and source code. */
  severity: Record<DiagnosticCode, SeverityLevel>;
  /** Severity of each check in mail logs and bounces, where codes were written by remote servers. */
  severityInLogs: Record<DiagnosticCode, SeverityLevel>;
  /** Documents larger than this (in characters) are not validated; hover and completion still work. */
  maxFileSize: number;
  maxNumberOfProblems: number;
  /** Codes the registry lacks that the user knows (a provider's own `5.7.606`, or a pattern such as `5.7.5xx`), with descriptions. */
  knownCodes: Record<string, string>;
  /** Check codes against the registry's associated reply codes and its permanent/transient notes, which MTAs often depart from. */
  strictRegistry: boolean;
  /** Globs and the kind the user gives the files they match (`{ "**\/rules.txt": "postfix" }`), before any detection. */
  fileKinds: Record<string, DocumentKind>;
}

export const DEFAULT_SETTINGS: Settings = {
  hover: { enabled: true },
  completion: { enabled: true },
  validate: { enabled: true },
  providers: { enabled: true },
  inlayHints: { inLogs: true, elsewhere: false },
  severity: {
    'unregistered-code': 'warning',
    'malformed-code': 'error',
    'class-mismatch': 'error',
    'unexpected-reply-code': 'information',
    'usage-mismatch': 'warning',
    'deprecated-code': 'warning',
    'missing-code': 'information',
    'invalid-reply-code': 'error',
    'dsn-inconsistency': 'warning',
  },
  severityInLogs: {
    'unregistered-code': 'off',
    'malformed-code': 'hint',
    'class-mismatch': 'information',
    'unexpected-reply-code': 'off',
    'usage-mismatch': 'hint',
    'deprecated-code': 'hint',
    'missing-code': 'off',
    'invalid-reply-code': 'off',
    'dsn-inconsistency': 'information',
  },
  maxFileSize: 50_000_000,
  maxNumberOfProblems: 1000,
  knownCodes: {},
  strictRegistry: false,
  fileKinds: {},
};

/** A known code or pattern: class 2, 4, 5 or X; sub-codes of 1-3 digits, where x stands for any one digit (`5.7.5xx`). */
export const KNOWN_CODE_PATTERN = /^[245xX]\.[\dxX]{1,3}\.[\dxX]{1,3}$/;

export interface ResolvedSettings {
  settings: Settings;
  /** One message per setting that was not understood and fell back to its default. */
  problems: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads settings of any shape; what is missing takes its default, what is wrong takes its default and is reported. */
export function resolveSettings(raw: unknown): ResolvedSettings {
  const problems: string[] = [];
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isObject(raw)) {
    problems.push(`smtpStatusCodes: expected an object of settings, got ${describe(raw)}; using the defaults.`);
    return { settings, problems };
  }

  for (const feature of ['hover', 'completion', 'validate', 'providers'] as const) {
    const value = raw[feature];
    if (value === undefined) continue;
    if (isObject(value) && (value.enabled === undefined || typeof value.enabled === 'boolean')) {
      if (typeof value.enabled === 'boolean') settings[feature].enabled = value.enabled;
    } else {
      problems.push(`smtpStatusCodes.${feature}.enabled: expected true or false, got ${describe(isObject(value) ? value.enabled : value)}; using ${DEFAULT_SETTINGS[feature].enabled}.`);
    }
  }

  const hints = raw.inlayHints;
  if (hints !== undefined) {
    if (!isObject(hints)) {
      problems.push(`smtpStatusCodes.inlayHints: expected an object, got ${describe(hints)}; using the defaults.`);
    } else {
      for (const key of ['inLogs', 'elsewhere'] as const) {
        if (hints[key] === undefined) continue;
        if (typeof hints[key] === 'boolean') settings.inlayHints[key] = hints[key];
        else problems.push(`smtpStatusCodes.inlayHints.${key}: expected true or false, got ${describe(hints[key])}; using ${DEFAULT_SETTINGS.inlayHints[key]}.`);
      }
    }
  }

  for (const table of ['severity', 'severityInLogs'] as const) {
    const value = raw[table];
    if (value === undefined) continue;
    if (!isObject(value)) {
      problems.push(`smtpStatusCodes.${table}: expected an object mapping checks to severities, got ${describe(value)}; using the defaults.`);
      continue;
    }
    for (const [code, level] of Object.entries(value)) {
      if (!(DIAGNOSTIC_CODES as readonly string[]).includes(code)) {
        problems.push(`smtpStatusCodes.${table}: unknown check "${code}" (known: ${DIAGNOSTIC_CODES.join(', ')}); ignored.`);
      } else if (!(SEVERITY_LEVELS as readonly unknown[]).includes(level)) {
        problems.push(`smtpStatusCodes.${table}.${code}: expected one of ${SEVERITY_LEVELS.join(', ')}, got ${describe(level)}; using ${settings[table][code as DiagnosticCode]}.`);
      } else {
        settings[table][code as DiagnosticCode] = level as SeverityLevel;
      }
    }
  }

  for (const limit of ['maxFileSize', 'maxNumberOfProblems'] as const) {
    const value = raw[limit];
    if (value === undefined) continue;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) settings[limit] = value;
    else problems.push(`smtpStatusCodes.${limit}: expected a whole number of 0 or more, got ${describe(value)}; using ${DEFAULT_SETTINGS[limit]}.`);
  }
  if (raw.strictRegistry !== undefined) {
    if (typeof raw.strictRegistry === 'boolean') settings.strictRegistry = raw.strictRegistry;
    else problems.push(`smtpStatusCodes.strictRegistry: expected true or false, got ${describe(raw.strictRegistry)}; using ${DEFAULT_SETTINGS.strictRegistry}.`);
  }
  const known = raw.knownCodes;
  if (known !== undefined) {
    if (!isObject(known)) {
      problems.push(`smtpStatusCodes.knownCodes: expected an object mapping codes to descriptions, got ${describe(known)}; ignored.`);
    } else {
      for (const [code, description] of Object.entries(known)) {
        if (!KNOWN_CODE_PATTERN.test(code)) {
          problems.push(`smtpStatusCodes.knownCodes: "${code}" is not a code or pattern such as 5.7.606 or 5.7.5xx; skipped.`);
        } else if (typeof description !== 'string') {
          problems.push(`smtpStatusCodes.knownCodes.${code}: expected a description, got ${describe(description)}; skipped.`);
        } else {
          settings.knownCodes[code] = description;
        }
      }
    }
  }
  const fileKinds = raw.fileKinds;
  if (fileKinds !== undefined) {
    if (!isObject(fileKinds)) {
      problems.push(`smtpStatusCodes.fileKinds: expected an object mapping globs to file kinds, got ${describe(fileKinds)}; ignored.`);
    } else {
      for (const [glob, kind] of Object.entries(fileKinds)) {
        if (glob.trim() === '') problems.push('smtpStatusCodes.fileKinds: an empty glob matches no file; skipped.');
        else if (!isFileKind(kind)) problems.push(`smtpStatusCodes.fileKinds.${glob}: expected one of ${FILE_KIND_NAMES.join(', ')}, got ${describe(kind)}; skipped.`);
        else settings.fileKinds[glob] = kind;
      }
    }
  }
  return { settings, problems };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}
