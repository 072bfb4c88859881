import { useMutation } from '@vue/apollo-composable';
import { useMessage } from 'naive-ui';
import { computed, ref, type Ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { CreateUsersDocument } from '../../../gql/graphql';
import { ErrorCode, errorText, graphQLErrorsOf, hasErrorCode } from '../../../shared/apollo/errors';
import { type ImportRow, readPeopleCsv, serverRowProblems, type ServerRowProblem, withServerProblems } from './peopleRules';

/** What the import checks rows against, as the people section has them. */
export interface ImportSources {
  people: Ref<readonly { email: string }[]>;
  teams: Ref<readonly { id: string; name: string }[]>;
}

/**
 * People from a CSV file or pasted text: read and checked as it changes, shown row by row, and sent
 * in one `createUsers` call only when no row has a problem. The API makes all or none: the rows it
 * refuses come back beside the ones found here, and nobody is made until the file is mended.
 */
export function usePeopleImport(sources: ImportSources) {
  const { t } = useI18n();
  const notice = useMessage();
  const text = ref('');
  const refused = ref<ServerRowProblem[]>([]);
  const failure = ref<string | null>(null);
  const sending = ref(false);

  const plan = computed(() =>
    readPeopleCsv(text.value, {
      teams: sources.teams.value,
      takenEmails: new Set(sources.people.value.map((p) => p.email.toLowerCase())),
    }),
  );
  const rows = computed<ImportRow[]>(() => withServerProblems(plan.value.rows, refused.value));
  const ready = computed(() => rows.value.length > 0 && plan.value.problems.length === 0 && rows.value.every((row) => row.problems.length === 0));
  // What the server said was about the text it was sent.
  watch(text, () => {
    refused.value = [];
    failure.value = null;
  });

  async function choose(file: File | undefined): Promise<void> {
    if (file) text.value = await file.text();
  }

  const createUsers = useMutation(CreateUsersDocument, { throws: 'always' });

  /** Whether everyone was made; a refusal leaves the text as it was, with the rows at fault marked. */
  async function send(): Promise<boolean> {
    if (!ready.value || sending.value) return false;
    sending.value = true;
    try {
      const result = await createUsers.mutate({ input: plan.value.rows.map((row) => row.input) });
      notice.success(t('admin.users.import.created', { n: result?.data?.createUsers.length ?? 0 }));
      text.value = '';
      return true;
    } catch (error) {
      refused.value = serverRowProblems(graphQLErrorsOf(error)[0]?.extensions);
      failure.value = refused.value.length ? t('admin.users.import.refused') : hasErrorCode(error, ErrorCode.QUERY_TOO_COMPLEX) ? t('admin.users.import.tooLarge') : errorText(error, t);
      return false;
    } finally {
      sending.value = false;
    }
  }

  return { text, plan, rows, ready, failure, sending, choose, send };
}
