import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp, reactive } from 'vue';
import { createApolloClient } from '../shared/apollo/createApolloClient';
import { OnReconnectKey } from '../shared/apollo/reconnect';
import { recalledContact } from './contactMemory';
import { createConversationStore } from './conversationStore';
import { WidgetContextKey } from './context';
import { createWidgetI18n } from './i18n';
import { readWidgetParams } from './params';
import WidgetApp from './WidgetApp.vue';
import './widget.css';

const params = readWidgetParams(window.location.search, window.parent !== window);
const store = createConversationStore(params.campaignId);

// The visitor token is the bearer for everything once the conversation exists; before that the
// widget is anonymous. A token the server no longer knows means starting over.
const apollo = createApolloClient({
  getToken: () => store.conversation.value?.visitorToken ?? null,
  onUnauthenticated: () => {
    store.forget();
  },
});

document.documentElement.lang = params.language;

createApp(WidgetApp)
  .use(createWidgetI18n(params.language))
  .provide(DefaultApolloClient, apollo.client)
  .provide(OnReconnectKey, apollo.onReconnect)
  .provide(WidgetContextKey, { params, store, contact: reactive(recalledContact()) })
  .mount('#widget');
