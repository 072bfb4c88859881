import { useQuery } from '@vue/apollo-composable';
import { computed, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute, useRouter } from 'vue-router';
import { AdminReportDocument } from '../../../gql/graphql';
import { useDirectory } from '../composables/useDirectory';
import { useActionRunner } from '../../../shared/composables/useActionRunner';
import { sessionToken } from '../../../shared/session/token';
import { filterFromQuery, filterToQuery, interactionFilter, reportParams, reportProblem, type ReportFilter } from '../reportFilter';

/**
 * The conversations report: the filter lives in the address (so a report can be linked), the form
 * edits a copy until "Search", pages load on demand, and the CSV export asks the API with the same
 * filter and the session's token, then saves the answer as a file.
 */
export function useReport() {
  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const applied = computed(() => filterFromQuery(route.query));
  const form = ref<ReportFilter>({ ...applied.value });
  watch(applied, (now) => (form.value = { ...now, results: [...now.results] }));
  const problem = computed(() => {
    const p = reportProblem(form.value);
    return p ? t(`admin.errors.${p}`) : null;
  });

  const query = useQuery(AdminReportDocument, () => ({ filter: interactionFilter(applied.value) }), { fetchPolicy: 'cache-and-network' });
  const rows = computed(() => query.result.value?.interactions.edges.map((e) => e.node) ?? []);
  const total = computed(() => query.result.value?.interactions.totalCount ?? 0);
  const hasMore = computed(() => query.result.value?.interactions.pageInfo.hasNextPage ?? false);

  const { campaigns, agents } = useDirectory();

  function apply(): void {
    if (problem.value) return;
    void router.replace({ query: filterToQuery(form.value) });
  }

  function clear(): void {
    void router.replace({ query: {} });
  }

  function loadMore(): void {
    const after = query.result.value?.interactions.pageInfo.endCursor;
    if (!after) return;
    void query.fetchMore({
      variables: { after },
      updateQuery: (previous, { fetchMoreResult }) =>
        fetchMoreResult ? { interactions: { ...fetchMoreResult.interactions, edges: [...previous.interactions.edges, ...fetchMoreResult.interactions.edges] } } : previous,
    });
  }

  const { running, run } = useActionRunner();

  async function exportCsv(): Promise<void> {
    await run('export', t('admin.report.exportFailed'), async () => {
      const response = await fetch(`/reports/conversations.csv?${reportParams(applied.value).toString()}`, {
        headers: { Authorization: `Bearer ${sessionToken.value ?? ''}` },
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null;
        throw new Error(body?.errors?.[0]?.message ?? t('admin.report.exportFailed'));
      }
      const name = /filename="?([^"]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'conversations.csv';
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: name });
      link.click();
      // The click has handed the blob to the download; keeping the URL would hold it in memory.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    });
  }

  return {
    form,
    problem,
    rows,
    total,
    hasMore,
    loading: query.loading,
    error: query.error,
    campaigns,
    agents,
    apply,
    clear,
    loadMore,
    exportCsv,
    exporting: computed(() => running.value === 'export'),
  };
}
