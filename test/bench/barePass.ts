/** The scanner's practical floor: one pass of a bare regular expression for dotted triples over the text. */
export function barePass(text: string): number {
  const pattern = /\d\.\d{1,4}\.\d{1,4}/g;
  let count = 0;
  while (pattern.exec(text)) count++;
  return count;
}
