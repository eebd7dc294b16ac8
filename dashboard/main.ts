import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { registerServiceWorker } from './serviceWorker';
import './styles/base.css';

registerServiceWorker(router);
createApp(App).use(router).use(i18n).mount('#app');
