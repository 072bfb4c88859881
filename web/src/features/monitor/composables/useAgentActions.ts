import { useMutation } from '@vue/apollo-composable';
import { useI18n } from 'vue-i18n';
import { LogoutAgentDocument, PauseAgentDocument, ResumeAgentDocument } from '../../../gql/graphql';
import { useActionRunner } from '../../../shared/composables/useActionRunner';

/**
 * A supervisor's actions on one agent. Their effect comes back through the monitor's own
 * subscription (the row's state changes), so the answers are not merged anywhere.
 */
export function useAgentActions() {
  const { t } = useI18n();
  const { running, run } = useActionRunner();
  const pauseMutation = useMutation(PauseAgentDocument, { throws: 'always', fetchPolicy: 'no-cache' });
  const resumeMutation = useMutation(ResumeAgentDocument, { throws: 'always', fetchPolicy: 'no-cache' });
  const logoutMutation = useMutation(LogoutAgentDocument, { throws: 'always', fetchPolicy: 'no-cache' });

  return {
    running,
    pause: (userId: string, pauseReasonId: string) => run('pause', t('monitor.actionFailed'), () => pauseMutation.mutate({ userId, pauseReasonId })),
    resume: (userId: string) => run('resume', t('monitor.actionFailed'), () => resumeMutation.mutate({ userId })),
    logout: (userId: string) => run('logout', t('monitor.actionFailed'), () => logoutMutation.mutate({ userId })),
  };
}
