/** MTA verdicts that reject or defer without a reply code, and the class each implies (REJECT is 5, DEFER 4). */
import { classActionWords, MTA_ACTIONS } from './registry/mtaActions';
import type { StatusClass } from './registry/types';

/** Postfix access and header/body-check actions; the DEFER_IF_* forms come before DEFER so that alternations take them whole. */
export const POSTFIX_ACTIONS = classActionWords('postfix').join('|');
/** Haraka's verdicts passed to next() with a reply text. */
export const HARAKA_VERDICTS = classActionWords('haraka').join('|');

/** Every MTA's class-implying words, lower-cased: the MTAs agree where a word is shared (reject, deny, defer). */
const IMPLIED_CLASS = new Map<string, StatusClass>(
  MTA_ACTIONS.filter((action) => action.impliedClass !== undefined).map((action) => [action.word.toLowerCase(), action.impliedClass!]),
);

/** The class of the reply an action sends, or undefined for actions that imply none (`error:`, `$#error`). */
export function impliedClass(action: string): StatusClass | undefined {
  return IMPLIED_CLASS.get(action.toLowerCase());
}
