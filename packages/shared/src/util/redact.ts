/**
 * Credentials inside URLs (`https://user:token@registry/`) are accepted by some inputs but must never be shown:
 * every URL an action prints, outputs or records goes through these.
 */

const USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

/** The URL with its user and password replaced by `***` (anything else left as it is). */
export function redactUrl(url: string): string {
  return url.replace(USERINFO, '$1***@');
}

/** A text (an error message, a log line) with the credentials of every URL in it replaced by `***`. */
export function redactUrls(text: string): string {
  return text.replace(USERINFO, '$1***@');
}
