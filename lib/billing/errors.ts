/** A billing request the rules refuse; its message is shown to the user as is. */
export class BillingRuleError extends Error {}
