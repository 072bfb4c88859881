import { computed, ref } from 'vue';
import type { FieldError } from '../contactRules';

/**
 * A form's errors, hidden until the visitor first tries to send (no red before anything is
 * typed), then following the typing so each one goes away as soon as it is fixed.
 */
export function useSubmitErrors<T extends Partial<Record<string, FieldError>>>(check: () => T) {
  const tried = ref(false);
  const errors = computed<Partial<T>>(() => (tried.value ? check() : {}));

  /** Shows the errors from now on; true when there are none. */
  function validate(): boolean {
    tried.value = true;
    return Object.keys(errors.value).length === 0;
  }

  return { errors, validate };
}
