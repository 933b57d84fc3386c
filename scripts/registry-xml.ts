/**
 * Reads the IANA registry XML (any edition since 2015) into the project's typed shapes.
 * The XML is flat and regular, so a small purpose-made reader is enough.
 */
import type {
  AssociatedReplyCodes, ClassEntry, EnumeratedEntry, IanaRegistry, Reference, StatusClass, SubjectEntry, Usage,
} from '../server/src/registry/types';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()];
    return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
  });
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of the first `<name>` element in `xml`, or "" (also for `<name/>`). */
function element(xml: string, name: string): string {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xml);
  return match?.[1] ?? '';
}

function plainText(xml: string): string {
  return collapse(decode(xml.replace(/<[^>]+>/g, '')));
}

export function referenceUrl(type: string, data: string): string | undefined {
  if (type === 'rfc') return `https://www.rfc-editor.org/rfc/${data.toLowerCase()}`;
  if (type === 'draft') return `https://datatracker.ietf.org/doc/${data}/`;
  if (type === 'uri') return data;
  return undefined;
}

function referenceLabel(type: string, data: string): string {
  const rfc = /^rfc(\d+)$/i.exec(data);
  return type === 'rfc' && rfc ? `RFC ${rfc[1]}` : data;
}

/** `<xref type="rfc" data="rfc7505"/> (Standards Track); <xref .../>` -> one Reference per xref. */
export function parseReferences(xml: string): Reference[] {
  const references: Reference[] = [];
  const xref = /<xref\s+type="([^"]*)"\s+data="([^"]*)"\s*(?:\/>|>([\s\S]*?)<\/xref>)([^<]*)/g;
  for (const match of xml.matchAll(xref)) {
    const [, type, data, content, after] = match;
    const note = /\(([^)]*)\)/.exec(after)?.[1];
    references.push({
      label: content ? plainText(content) : referenceLabel(type, data),
      url: referenceUrl(type, data),
      ...(note ? { note: collapse(note) } : {}),
    });
  }
  if (references.length === 0 && plainText(xml)) references.push({ label: plainText(xml) });
  return references;
}

/** Normalises the loose "Associated basic status code" text. */
export function parseAssociatedReplyCodes(raw: string): AssociatedReplyCodes {
  const text = collapse(raw);
  const classes = new Set<StatusClass>();
  const codes: number[] = [];
  if (/^any$/i.test(text)) return { raw: text, kind: 'any', codes, classes: [] };
  for (const match of text.matchAll(/\b([245])(\d\d|XX)\b/gi)) {
    if (match[2].toUpperCase() === 'XX') classes.add(Number(match[1]) as StatusClass);
    else if (!codes.includes(Number(match[0]))) codes.push(Number(match[0]));
  }
  if (codes.length === 0 && classes.size === 0) return { raw: text, kind: 'not-given', codes, classes: [] };
  return { raw: text, kind: 'listed', codes, classes: [...classes].sort() };
}

/** Reads the permanent/transient statement that RFC 3463 and later registrations put in the description. */
export function deriveUsage(description: string): Usage {
  const text = collapse(description).toLowerCase();
  if (/only useful for permanent|useful only as a permanent|should be used as a permanent/.test(text)) return 'permanent';
  if (/useful only as a persistent transient|should be used as a persistent transient/.test(text)) return 'transient';
  if (/both permanent and persistent transient|permanent (?:error|failure)? ?or (?:a )?(?:persistent )?(?:transient|temporary)|permanent, transient/.test(text)) {
    return 'both';
  }
  return 'unstated';
}

export function deprecationTarget(description: string): string | undefined {
  return /duplicate of (X\.\d{1,3}\.\d{1,3}) and is thus deprecated/i.exec(collapse(description))?.[1];
}

function records(registryXml: string): { attributes: string; body: string }[] {
  return [...registryXml.matchAll(/<record([^>]*)>([\s\S]*?)<\/record>/g)].map((m) => ({ attributes: m[1], body: m[2] }));
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
}

function subRegistry(xml: string, suffix: string): string {
  const match = new RegExp(`<registry id="smtp-enhanced-status-codes-${suffix}">([\\s\\S]*?)</registry>`).exec(xml);
  if (!match) throw new Error(`registry XML has no sub-registry smtp-enhanced-status-codes-${suffix}`);
  return match[1];
}

export function parseRegistryXml(xml: string): IanaRegistry {
  if (!/<registry[^>]+id="smtp-enhanced-status-codes"/.test(xml)) {
    throw new Error('not the IANA SMTP Enhanced Status Codes registry');
  }
  const common = (body: string) => ({
    description: plainText(element(body, 'description')),
    references: parseReferences(element(body, 'reference')),
    submitter: plainText(element(body, 'submitter')),
    changeController: plainText(element(body, 'change_controller')),
  });

  const classes: ClassEntry[] = records(subRegistry(xml, '1')).map(({ body }) => {
    const code = plainText(element(body, 'code'));
    return { code, statusClass: Number(code[0]) as StatusClass, summary: plainText(element(body, 'summary')), ...common(body) };
  });

  const subjects: SubjectEntry[] = records(subRegistry(xml, '2')).map(({ body }) => {
    const code = plainText(element(body, 'code'));
    return { code, subject: Number(code.split('.')[1]), summary: plainText(element(body, 'summary')), ...common(body) };
  });

  const codes: EnumeratedEntry[] = records(subRegistry(xml, '3')).map(({ attributes, body }) => {
    const code = plainText(element(body, 'code'));
    const shape = /^X\.(\d{1,3})\.(\d{1,3})$/.exec(code);
    if (!shape) throw new Error(`unexpected enumerated code "${code}"`);
    const rest = common(body);
    const deprecatedBy = deprecationTarget(rest.description);
    const registered = attribute(attributes, 'date');
    const updated = attribute(attributes, 'updated');
    return {
      code,
      subject: Number(shape[1]),
      detail: Number(shape[2]),
      sample: plainText(element(body, 'sample')),
      description: rest.description,
      replyCodes: parseAssociatedReplyCodes(decode(element(body, 'basic_code'))),
      usage: deriveUsage(rest.description),
      ...(deprecatedBy ? { deprecatedBy } : {}),
      references: rest.references,
      submitter: rest.submitter,
      changeController: rest.changeController,
      ...(registered ? { registered } : {}),
      ...(updated ? { updated } : {}),
    };
  });

  return {
    title: plainText(element(xml, 'title')),
    created: plainText(element(xml, 'created')),
    updated: plainText(element(xml, 'updated')),
    classes,
    subjects,
    codes,
  };
}

/** The TypeScript module the project commits, from a parsed registry. */
export function renderRegistryModule(registry: IanaRegistry): string {
  return [
    `// Generated by scripts/generate-registry.ts from the IANA registry XML (updated ${registry.updated}).`,
    '// Do not edit by hand: run `npm run generate-registry`.',
    "import type { IanaRegistry } from './types';",
    '',
    `export const IANA_REGISTRY: IanaRegistry = ${JSON.stringify(registry, null, 2)};`,
    '',
  ].join('\n');
}
