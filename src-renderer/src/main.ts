import "./styles/fonts";
import "./styles/theme.css";
import "./styles/base.css";
import { createPinia } from "pinia";
import { createApp } from "vue";
import App from "./App.vue";
import { createBridge } from "./bridge/create-bridge";
import { bridgeKey } from "./bridge/use-bridge";

const bridge = createBridge();
const app = createApp(App);
app.provide(bridgeKey, bridge);
app.use(createPinia());
app.mount("#app");
bridge.start();
