/** Codes the user declares known (smtpStatusCodes.knownCodes): exact codes and patterns with x for any digit. */

export interface KnownCode {
  pattern: string;
  description: string;
}

const compiled = new WeakMap<Record<string, string>, { pattern: string; description: string; matcher: RegExp }[]>();

function matchers(knownCodes: Record<string, string>) {
  let list = compiled.get(knownCodes);
  if (!list) {
    list = Object.entries(knownCodes).map(([pattern, description]) => ({
      pattern,
      description,
      matcher: new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/[xX]/g, '\\d')}$`),
    }));
    compiled.set(knownCodes, list);
  }
  return list;
}

/** The user's entry for `code`, an exact entry before a pattern. */
export function findKnownCode(knownCodes: Record<string, string>, code: string): KnownCode | undefined {
  const list = matchers(knownCodes);
  if (list.length === 0) return undefined;
  const exact = list.find((entry) => entry.pattern === code);
  const found = exact ?? list.find((entry) => entry.matcher.test(code));
  return found && { pattern: found.pattern, description: found.description };
}

/** Exact known codes of one class, for completion. */
export function exactKnownCodes(knownCodes: Record<string, string>, statusClass: number): KnownCode[] {
  return Object.entries(knownCodes)
    .filter(([pattern]) => /^\d+\.\d+\.\d+$/.test(pattern) && pattern[0] === String(statusClass))
    .map(([pattern, description]) => ({ pattern, description }));
}
