/** Writes server/src/registry/iana.generated.ts from the IANA XML: `node out/scripts/generate-registry.js [registry.xml]`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRegistryXml, renderRegistryModule } from './registry-xml';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_SOURCE = path.resolve(REPOSITORY_ROOT, '..', 'shared', 'iana', 'latest', 'smtp-enhanced-status-codes.xml');
export const GENERATED_MODULE = path.join(REPOSITORY_ROOT, 'server', 'src', 'registry', 'iana.generated.ts');

export function generate(source = DEFAULT_SOURCE): string {
  return renderRegistryModule(parseRegistryXml(fs.readFileSync(source, 'utf8')));
}

if (require.main === module) {
  const source = process.argv[2] ?? DEFAULT_SOURCE;
  if (!fs.existsSync(source)) {
    console.error(`registry XML not found: ${source}\nusage: node out/scripts/generate-registry.js [smtp-enhanced-status-codes.xml]`);
    process.exit(2);
  }
  const module = generate(source);
  fs.writeFileSync(GENERATED_MODULE, module);
  console.log(`wrote ${path.relative(REPOSITORY_ROOT, GENERATED_MODULE)} (${parseRegistryXml(fs.readFileSync(source, 'utf8')).codes.length} codes)`);
}
