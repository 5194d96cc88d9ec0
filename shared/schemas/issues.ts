import type { z } from 'zod';
import { apiError, type ApiError } from '../api/errors';
import type { MessageKey, MessageParams } from '../i18n/messages';
import { zhCN } from '../i18n/zh-CN';

/** "targets[2].indicators[0].weight", with the record's id where it has one: "deals[4](D0005).amount". */
export function formatPath(path: readonly PropertyKey[], data: unknown): string {
  let out = '';
  let node: unknown = data;
  for (const key of path) {
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const id = node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      out += typeof id === 'string' ? `[${key}](${id})` : `[${key}]`;
    } else {
      out += out ? `.${String(key)}` : String(key);
    }
  }
  return out;
}

function valueAt(path: readonly PropertyKey[], data: unknown): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), data);
}

function isMessageKey(text: string): text is MessageKey {
  return text in zhCN;
}

/** Turns the first zod issue into an `ApiError` whose message names the field. */
export function issueToError(error: z.ZodError, data: unknown): ApiError {
  const issue = error.issues[0];
  if (!issue) return apiError('input.invalid');
  const field = formatPath(issue.path, data);
  const { code, params } = describeIssue(issue, valueAt(issue.path, data));
  return apiError(code, params, field ? { field } : {});
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): { code: MessageKey; params: MessageParams } {
  if (isMessageKey(issue.message)) {
    const params = issue.code === 'custom' ? ((issue.params ?? {}) as MessageParams) : {};
    return { code: issue.message, params };
  }
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? { code: 'input.required', params: {} } : { code: 'input.type', params: { expected: issue.expected } };
    case 'invalid_value':
      return { code: 'input.enum', params: { options: issue.values.map(String).join(' / ') } };
    case 'invalid_union': {
      // A decimal is text or a number: the text branch's own message says what is wrong.
      if (value === undefined) return { code: 'input.required', params: {} };
      const keyed = issue.errors.flat().find((inner) => isMessageKey(inner.message));
      return keyed ? { code: keyed.message as MessageKey, params: {} } : { code: 'input.invalid', params: {} };
    }
    case 'unrecognized_keys':
      return { code: 'input.unknownKey', params: { keys: issue.keys.join(', ') } };
    default:
      return { code: 'input.invalid', params: {} };
  }
}
