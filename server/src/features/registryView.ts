/** The registry for the look-up command and the registry view: every code, and the whole registry as Markdown. */
import { ENUMERATED_CODES, REGISTRY_UPDATED, REGISTRY_URL } from '../registry/registry';
import { IANA_REGISTRY } from '../registry/iana.generated';
import { describeStatusCode, entrySummary } from './describe';

export interface RegistryItem {
  code: string;
  /** The code with the class it is usually sent with: "5.1.1" for X.1.1, "4.2.2" for X.2.2. */
  usual: string;
  sample: string;
  description: string;
  /** The hover text of the code with the class it is usually sent with. */
  documentation: string;
  deprecated: boolean;
}

export function registryItems(): RegistryItem[] {
  return ENUMERATED_CODES.map((entry) => {
    const statusClass = entry.usage === 'transient' ? 4 : entry.replyCodes.codes.length > 0 && entry.replyCodes.codes.every((c) => c < 300) ? 2 : 5;
    return {
      code: entry.code,
      usual: `${statusClass}.${entry.subject}.${entry.detail}`,
      sample: entrySummary(entry),
      description: entry.description,
      documentation: describeStatusCode(statusClass, entry.subject, entry.detail),
      deprecated: Boolean(entry.deprecatedBy),
    };
  });
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function registryMarkdown(): string {
  const lines = [
    '# SMTP Enhanced Status Codes',
    '',
    `The IANA registry ([source](${REGISTRY_URL})), updated ${REGISTRY_UPDATED}: ${ENUMERATED_CODES.length} codes. A code is class.subject.detail; the class says whether the delivery succeeded (2), failed for now (4) or for good (5).`,
    '',
    '## Classes',
    '',
    '| Class | Meaning | Description |',
    '| --- | --- | --- |',
    ...IANA_REGISTRY.classes.map((c) => `| ${c.statusClass}.X.X | ${c.summary} | ${cell(c.description)} |`),
    '',
  ];
  for (const subject of IANA_REGISTRY.subjects) {
    lines.push(`## X.${subject.subject}: ${subject.summary}`, '', cell(subject.description), '', '| Code | Sample text | Reply codes | Usage | Reference |', '| --- | --- | --- | --- | --- |');
    for (const entry of ENUMERATED_CODES.filter((e) => e.subject === subject.subject)) {
      const references = entry.references.map((r) => (r.url ? `[${r.label}](${r.url})` : r.label)).join(', ');
      lines.push(`| ${entry.code} | ${cell(entrySummary(entry))} | ${cell(entry.replyCodes.raw || 'not given')} | ${entry.usage} | ${references} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
