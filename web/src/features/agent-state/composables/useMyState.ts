import { useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { useMessage } from 'naive-ui';
import { computed, ref, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { type MyStatusFieldsFragment, MyStatusChangedDocument, PauseReasonsDocument, SetMyStateDocument } from '../../../gql/graphql';
import { errorText } from '../../../shared/apollo/errors';
import { latestStatus } from '../latestStatus';

/**
 * The signed-in agent's state, the pause reasons, and the choice between available and a pause.
 * `myStatusChanged` answers the state as it is, then every change whoever makes it (a chat routed
 * in, a supervisor's pause), and again from the start after a reconnect: nothing to poll.
 */
export function useMyState() {
  const { t } = useI18n();
  const notice = useMessage();

  const me = shallowRef<MyStatusFieldsFragment | null>(null);
  const live = useSubscription(MyStatusChangedDocument, null, { fetchPolicy: 'no-cache' });
  live.onResult(({ data }) => {
    if (data) me.value = latestStatus(me.value, data.myStatusChanged);
  });
  const reasons = useQuery(PauseReasonsDocument, null, { fetchPolicy: 'cache-and-network' });

  const changing = ref(false);
  const { mutate } = useMutation(SetMyStateDocument, { throws: 'always', fetchPolicy: 'no-cache' });

  async function choose(state: 'AVAILABLE' | 'PAUSED', pauseReasonId: string | null = null): Promise<void> {
    if (changing.value) return;
    changing.value = true;
    try {
      const result = await mutate({ state, pauseReasonId });
      if (result?.data) me.value = latestStatus(me.value, result.data.setMyState);
    } catch (e) {
      notice.error(errorText(e, t));
    } finally {
      changing.value = false;
    }
  }

  return {
    status: me,
    reasons: computed(() => reasons.result.value?.pauseReasons ?? []),
    changing,
    setAvailable: () => choose('AVAILABLE'),
    pause: (reasonId: string) => choose('PAUSED', reasonId),
  };
}
