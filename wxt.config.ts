import { defineConfig } from 'wxt';
import { builtInCrmOrigins } from './lib/crms/origins';

// `LEADPACE_E2E=1` builds the test/demo variant: every built-in CRM origin is granted at
// install, so automated browsers never meet a permission prompt. The store build keeps CRM
// hosts optional and asks per CRM at runtime (PRODUCT.md, privacy).
const e2e = process.env.LEADPACE_E2E === '1';
const E2E_USER_CRM_ORIGINS = ['http://garage-crm.localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: () => ({
    // Test hooks (a pinnable clock, a manual tick) exist only in the e2e build.
    define: { __LEADPACE_TEST_HOOKS__: JSON.stringify(e2e) },
    // LEADPACE_SOURCEMAP=1: source maps beside the bundles, to see which modules take the room.
    build: { sourcemap: process.env.LEADPACE_SOURCEMAP === '1' },
  }),
  // LEADPACE_E2E_DIR lets parallel work build into its own folder (see scripts/build-e2e.mjs).
  outDirTemplate: e2e ? (process.env.LEADPACE_E2E_DIR ?? '{{browser}}-mv{{manifestVersion}}-e2e') : '{{browser}}-mv{{manifestVersion}}',
  manifest: ({ browser }) => ({
    name: 'Leadpace',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab: the popup may see the current tab's URL to offer enabling that CRM.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting', 'notifications', 'activeTab'],
    // E2E_USER_CRM_ORIGINS: the sites the e2e tests add with "Add my CRM", granted at install
    // there. Any other site is optional: "Add my CRM" asks for exactly the one site it is on.
    host_permissions: e2e ? [...builtInCrmOrigins(), ...E2E_USER_CRM_ORIGINS] : [],
    optional_host_permissions: [...(e2e ? [] : builtInCrmOrigins()), 'https://*/*', 'http://*/*'],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandTogglePanel__',
      },
      // Keep the keys in step with PANEL_COMMANDS (lib/content/panel-commands.ts): the panel names them.
      'log-attempt': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandLogAttempt__',
      },
      'focus-panel': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandFocusPanel__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'leadpace@leadpace.app',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
