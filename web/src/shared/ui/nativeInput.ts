import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'vue';

/**
 * Attributes for the native control inside a Naive UI input. Labels (`for`/`id`) and tests have
 * to reach the <input> itself, not the wrapper that fallthrough attributes land on.
 */
export function nativeInput(testId: string, attrs: InputHTMLAttributes & TextareaHTMLAttributes = {}): InputHTMLAttributes {
  return { ...attrs, 'data-testid': testId } as InputHTMLAttributes;
}
