/** What every public form (a question, a proposal, a registration) reads from a post and shows again. */

/** What the visitor sent in `name`, cut at `max` characters; '' when absent (or a file). */
export function formText(body: FormData, name: string, max: number): string {
  const value = body.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/**
 * The token a form shown again carries: the one the visitor sent, old enough by now, unless the API
 * refused it (then the terms' fresh one), so a refused token never makes the form a dead end.
 */
export function tokenToShow(outcome: { kind: string; errors?: Record<string, string[]> }, sent: string, fresh: string): string {
  return outcome.kind === 'invalid' && !('token' in (outcome.errors ?? {})) ? sent : fresh;
}
