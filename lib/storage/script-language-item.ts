import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { SCRIPT_LANGS, type ScriptLang } from '@/lib/domain/scripts';

/** The rep's script language per lead, in this browser only; the oldest choices drop first. */
// zod/mini: the panel reads it, and classic zod would be ~26 kB gzip more on every CRM page.
const MAX_LEADS = 500;
const choicesSchema = z.record(z.string().check(z.maxLength(300)), z.object({ lang: z.enum(SCRIPT_LANGS), at: z.number() }));
type Choices = z.infer<typeof choicesSchema>;

const choicesItem = storage.defineItem<Choices>('local:scriptLanguageByLead', { fallback: {} });

async function readChoices(): Promise<Choices> {
  const parsed = choicesSchema.safeParse(await choicesItem.getValue());
  return parsed.success ? parsed.data : {};
}

export async function readScriptLanguage(leadKey: string): Promise<ScriptLang | null> {
  return (await readChoices())[leadKey]?.lang ?? null;
}

export async function saveScriptLanguage(leadKey: string, lang: ScriptLang, now: number): Promise<void> {
  const next: Choices = { ...(await readChoices()), [leadKey]: { lang, at: now } };
  const keys = Object.keys(next);
  if (keys.length > MAX_LEADS) {
    for (const key of keys.sort((a, b) => (next[a]?.at ?? 0) - (next[b]?.at ?? 0)).slice(0, keys.length - MAX_LEADS)) delete next[key];
  }
  await choicesItem.setValue(next);
}
