import { useApolloClient, useMutation } from '@vue/apollo-composable';
import { computed, onBeforeUnmount, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute, useRouter, type LocationQueryValue } from 'vue-router';
import { MeDocument, SignInDocument } from '../../../gql/graphql';
import { ErrorCode, errorText, hasErrorCode, retryAfterOf } from '../../../shared/apollo/errors';
import { formatDuration } from '../../../shared/format/duration';
import { setSessionToken } from '../../../shared/session/token';

/** Where to go after signing in: the page that sent the person here, if it is one of ours. */
function nextPath(next: LocationQueryValue | LocationQueryValue[] | undefined): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin') ? next : '/inbox';
}

/** The sign-in form's state and its submit: stores the session token, then opens the app. */
export function useSignIn() {
  const email = ref('');
  const password = ref('');
  const failure = ref<string | null>(null);
  /** Seconds left before the server takes another try, after RATE_LIMITED; 0 when it takes one now. */
  const waitSeconds = ref(0);
  let ticking: ReturnType<typeof setInterval> | undefined;

  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const { resolveClient } = useApolloClient();
  const { mutate, loading } = useMutation(SignInDocument, { throws: 'always', fetchPolicy: 'no-cache' });

  const error = computed(() => (waitSeconds.value > 0 ? t('signIn.wait', { time: formatDuration(waitSeconds.value) }) : failure.value));

  /** Counts down the wait the server asked for; the form takes a try again at 0. */
  function waitFor(seconds: number): void {
    clearInterval(ticking);
    const until = Date.now() + seconds * 1000;
    waitSeconds.value = seconds;
    ticking = setInterval(() => {
      waitSeconds.value = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      if (waitSeconds.value === 0) clearInterval(ticking);
    }, 250);
  }
  onBeforeUnmount(() => clearInterval(ticking));

  async function submit(): Promise<void> {
    if (loading.value || waitSeconds.value > 0) return;
    failure.value = null;
    try {
      const result = await mutate({ email: email.value.trim(), password: password.value });
      const session = result?.data?.signIn;
      if (!session) return;
      const client = resolveClient();
      // Nothing cached for a previous person may show to this one.
      await client.clearStore();
      setSessionToken(session.token);
      client.writeQuery({ query: MeDocument, data: { me: session.user } });
      password.value = '';
      await router.replace(nextPath(route.query.next));
    } catch (e) {
      // Here UNAUTHENTICATED means the e-mail and password did not match, not an ended session.
      failure.value = hasErrorCode(e, ErrorCode.UNAUTHENTICATED) ? t('signIn.wrong') : errorText(e, t);
      const wait = retryAfterOf(e);
      if (wait) waitFor(wait);
    }
  }

  return { email, password, error, loading, waitSeconds, submit };
}
