/**
 * Entry for the large-page benchmark's extraction timing: scripts/bench/large-page.ts bundles
 * this with esbuild into an IIFE (`window.__leadpaceAdapters`) and runs it in the page's main
 * world, so the adapters' extract runs on Chromium's DOM, not jsdom's.
 */
export { demoAdapter } from '@/lib/crms/demo/adapter';
export { salesforceAdapter } from '@/lib/crms/salesforce/adapter';
export { vinsolutionsAdapter } from '@/lib/crms/vinsolutions/adapter';
