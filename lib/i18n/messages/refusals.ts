import { registerMessages } from '../registry';

// Why the team server refused one event, by the code that starts its reason. Shown in
// Options → Team next to each refused event; the server's own words stay in the tooltip.
export const refusals = {
  en: {
    'refused.in_future': 'its time is more than a day ahead of the server: check this computer’s clock.',
    'refused.too_old': 'it is older than the team keeps events.',
    'refused.unknown_field': 'it carries a field the server does not accept (update Leadpace).',
    'refused.invalid_field': 'one of its fields is not valid for the server (update Leadpace).',
    'refused.unknown_type': 'the server does not know this kind of event (update the team server).',
    'refused.invalid_event': 'the server could not read it.',
    'refused.lead_event_limit': 'this lead already has the most events the server keeps for one lead.',
    'refused.duplicate_id': 'another event sent with it had the same id.',
    'refused.other': 'the server refused it.',
  },
  nl: {
    'refused.in_future': 'de tijd ligt meer dan een dag voor op de server: controleer de klok van deze computer.',
    'refused.too_old': 'het is ouder dan het team gebeurtenissen bewaart.',
    'refused.unknown_field': 'het bevat een veld dat de server niet aanneemt (werk Leadpace bij).',
    'refused.invalid_field': 'een van de velden is niet geldig voor de server (werk Leadpace bij).',
    'refused.unknown_type': 'de server kent dit soort gebeurtenis niet (werk de teamserver bij).',
    'refused.invalid_event': 'de server kon het niet lezen.',
    'refused.lead_event_limit': 'deze lead heeft al het maximale aantal gebeurtenissen dat de server per lead bewaart.',
    'refused.duplicate_id': 'een andere gebeurtenis in dezelfde zending had hetzelfde id.',
    'refused.other': 'de server weigerde het.',
  },
} as const;

registerMessages(refusals);
