/**
 * The GitHub Environment inputs of the plan, deploy and rollback: one definition, so a name the plan accepts is one
 * the deploy accepts. A function, not a spec built at import time, so that an action that does not call it bundles
 * none of it.
 */
import { text } from './inputs.js';

/** GitHub's rule for environment names, plus no shell metacharacters: the inputs, the policy file and the status record. */
export const ENVIRONMENT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

/** A GitHub Environment name input. */
export const environmentInput = (description: string, dflt: string) =>
  text({
    description,
    default: dflt,
    pattern: ENVIRONMENT_NAME_PATTERN,
    patternHint: 'an environment name of letters, digits and . _ - (no spaces, newlines or shell metacharacters)',
  });
