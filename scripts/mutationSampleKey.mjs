/** What names a mutant across a listing, a Stryker run and its report: file, place (0-based line and column), mutator, replacement. */
export function mutantKey({ fileName, location, mutatorName, replacement }) {
  const { start, end } = location;
  return `${fileName.split('\\').join('/')}:${start.line}:${start.column}-${end.line}:${end.column} ${mutatorName} ${replacement}`;
}
