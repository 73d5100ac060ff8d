// The version of the standalone profile validator's code, apart from the schema it checks: a validator written by an
// older diptych (another uniqueItems check, inherited properties read) is stale even when its schema is unchanged.

/** Bumped whenever the generated validator's code changes for the same schema. */
export const VALIDATOR_FORMAT = 2
