/** A team change the rules refuse; its message is shown to the user as is. */
export class TeamRuleError extends Error {}

export const refuse = (message: string): never => {
  throw new TeamRuleError(message);
};
