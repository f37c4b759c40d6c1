import { defineRoute } from '../define';

export const DRIVECENTRIC_MATCHES = ['https://*.drivecentric.com/*'];

// Company site, help centre and services share the domain but never show the app.
const NOT_APP_HOSTS = /^(?:www\.|help\.|support\.|status\.|university\.|blog\.|api\.|cdn\.)?drivecentric\.com$/i;
const NOT_APP_PATH = /(^\/(?:api|assets|scripts|content)\/)|(\/(?:login|logout|forgotpassword|resetpassword|signout)\.aspx$)|(\.(?:js|css|png|jpe?g|svg|gif|ico|json|map|woff2?)$)/i;
const NOT_APP_HASH = /^#\/?(?:login|logout|forgot-?password|reset-?password)\b/i;

export const DRIVECENTRIC_ROUTE = defineRoute({
  id: 'drivecentric',
  name: 'DriveCentric',
  matches: DRIVECENTRIC_MATCHES,
  allFrames: false,
  // The customer card is a modal that can open on any app screen (search, inbox, desk log), so
  // every app page is a lead page; the card's presence decides whether a lead is shown.
  isLeadUrl(url) {
    const host = url.hostname.toLowerCase();
    const isAppHost = host.endsWith('.drivecentric.com') && !NOT_APP_HOSTS.test(host) && host.split('.').length === 3;
    return isAppHost && !NOT_APP_PATH.test(url.pathname) && !NOT_APP_HASH.test(url.hash);
  },
});
