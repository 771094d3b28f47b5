/**
 * The letters that name a report's claims (A, B, … Z, AA, AB …): the figures embed lists its claims
 * under them, its verdicts name claims by them, and the chart writes them beside the points. One
 * function, so a letter in a message and in its picture is the same claim.
 */
import type { Claim } from '../model/claim.js';

/** The letter of the i-th claim listed (0-based): A … Z, then AA, AB … */
export function claimLetter(i: number): string {
  return i < 26
    ? String.fromCharCode(65 + i)
    : `${String.fromCharCode(65 + Math.floor(i / 26) - 1)}${String.fromCharCode(65 + (i % 26))}`;
}

/** Each claim's letter, by id, in the order given: the order the claims are listed in. */
export function claimLetters(claims: readonly Pick<Claim, 'id'>[]): Map<string, string> {
  return new Map(claims.map((claim, i) => [claim.id, claimLetter(i)]));
}
