import { describe, expect, it } from 'vitest';
import { crmHostNames } from '@/lib/domain/crm-hosts';
import { DYNAMICS_MATCHES } from '@/lib/crms/dynamics/route';
import { HUBSPOT_MATCHES } from '@/lib/crms/hubspot/route';

describe('crmHostNames', () => {
  it.each([
    ['one wildcard host', ['https://*.lightning.force.com/*'], ['*.lightning.force.com']],
    ['a plain host', ['http://leadpace-demo.localhost/*'], ['leadpace-demo.localhost']],
    ['Dynamics’ 21 regional hosts', DYNAMICS_MATCHES, ['*.dynamics.com']],
    ['HubSpot’s regional apps', HUBSPOT_MATCHES, ['*.hubspot.com']],
    ['two different sites stay two', ['https://app.example.com/*', 'https://crm.other.nl/*'], ['app.example.com', 'crm.other.nl']],
    ['the same host twice', ['https://crm.other.nl/leads/*', 'https://crm.other.nl/*'], ['crm.other.nl']],
    ['a host with a port', ['http://localhost:5173/*'], ['localhost:5173']],
  ])('%s', (_name, matches, hosts) => {
    expect(crmHostNames(matches)).toEqual(hosts);
  });
});
