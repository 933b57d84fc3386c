/** MTA verdicts that reject or defer without a reply code, and the class each implies (REJECT is 5, DEFER 4). */
import type { StatusClass } from './registry/types';

/** Postfix access and header/body-check actions; the DEFER_IF_* forms come before DEFER so that alternations take them whole. */
export const POSTFIX_ACTIONS = 'REJECT|DEFER_IF_PERMIT|DEFER_IF_REJECT|DEFER';
/** Haraka's verdicts passed to next() with a reply text. */
export const HARAKA_VERDICTS = 'DENYSOFTDISCONNECT|DENYSOFT|DENYDISCONNECT|DENY';

const IMPLIED_CLASS: Record<string, StatusClass> = {
  reject: 5, defer: 4, defer_if_permit: 4, defer_if_reject: 4, deny: 5, denydisconnect: 5, denysoft: 4, denysoftdisconnect: 4,
};

/** The class of the reply an action sends, or undefined for actions that imply none (`error:`, `$#error`). */
export function impliedClass(action: string): StatusClass | undefined {
  return IMPLIED_CLASS[action.toLowerCase()];
}
