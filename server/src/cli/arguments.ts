/** What the commands share in reading their arguments: the error of bad usage, and the value an option needs. */

/** Bad usage: the command says what is wrong, prints its usage and exits 2. */
export class UsageError extends Error {}

/** The argument after the option at `index`, which that option needs. */
export function valueAfter(args: readonly string[], index: number): string {
  const next = args[index + 1];
  if (next === undefined) throw new UsageError(`${args[index]} needs a value`);
  return next;
}
