import { registerMessages } from '../registry';

// Where a lead's name was before retention removed its details (popup lists): apart from
// the Options → Privacy texts, which only the options page needs.
const en = {
  'privacy.detailsRemoved': 'Details removed after {days} days',
} as const;

const nl: Record<keyof typeof en, string> = {
  'privacy.detailsRemoved': 'Gegevens verwijderd na {days} dagen',
};

export const removedDetails = { en, nl };

registerMessages(removedDetails);
