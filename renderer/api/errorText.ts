import type { ApiError } from '../../shared/api/errors';
import { message, missingParams, type Lang } from '../../shared/i18n/messages';

/**
 * An API error as the sentence to show, in the chosen language, with its parameters filled in.
 * Where the parameters did not travel (an error made on this side of the wire), the message the
 * error came with is shown instead, so a `{placeholder}` never reaches the screen.
 */
export function errorText(error: ApiError, lang: Lang): string {
  const params = error.params ?? {};
  const text = message(error.code, params, lang);
  if (missingParams(error.code, params).length === 0) return text;
  return error.message && !/\{\w+\}/.test(error.message) ? error.message : text.replace(/[：:]\s*$/, '');
}
