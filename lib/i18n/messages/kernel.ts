import { registerMessages } from '../registry';

// Verdicts of the metrics kernel as the panel and the lists word them.
export const kernel = {
  en: {
    'sla.within': 'within the {sla} SLA',
    'sla.missed': 'later than the {sla} SLA',
  },
  nl: {
    'sla.within': 'binnen de norm van {sla}',
    'sla.missed': 'later dan de norm van {sla}',
  },
} as const;

registerMessages(kernel);
