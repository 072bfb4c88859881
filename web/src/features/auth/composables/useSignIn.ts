import { useApolloClient, useMutation } from '@vue/apollo-composable';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute, useRouter, type LocationQueryValue } from 'vue-router';
import { MeDocument, SignInDocument } from '../../../gql/graphql';
import { ErrorCode, errorText, hasErrorCode } from '../../../shared/apollo/errors';
import { setSessionToken } from '../../../shared/session/token';

/** Where to go after signing in: the page that sent the person here, if it is one of ours. */
function nextPath(next: LocationQueryValue | LocationQueryValue[] | undefined): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin') ? next : '/inbox';
}

/** The sign-in form's state and its submit: stores the session token, then opens the app. */
export function useSignIn() {
  const email = ref('');
  const password = ref('');
  const error = ref<string | null>(null);

  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const { resolveClient } = useApolloClient();
  const { mutate, loading } = useMutation(SignInDocument, { throws: 'always', fetchPolicy: 'no-cache' });

  async function submit(): Promise<void> {
    if (loading.value) return;
    error.value = null;
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
      error.value = hasErrorCode(e, ErrorCode.UNAUTHENTICATED) ? t('signIn.wrong') : errorText(e, t);
    }
  }

  return { email, password, error, loading, submit };
}
