import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import { createApolloClient } from '../shared/apollo/createApolloClient';
import { OnReconnectKey } from '../shared/apollo/reconnect';
import { sessionToken, setSessionToken } from '../shared/session/token';
import App from './App.vue';
import { i18n } from './i18n';
import { createAppRouter } from './router';
import './app.css';

const router = createAppRouter();

const apollo = createApolloClient({
  getToken: () => sessionToken.value,
  // The router watches the token and sends the person to /signin.
  onUnauthenticated: () => {
    setSessionToken(null);
  },
});

createApp(App).use(router).use(i18n).provide(DefaultApolloClient, apollo.client).provide(OnReconnectKey, apollo.onReconnect).mount('#app');
