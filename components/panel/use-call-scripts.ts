import { useEffect, useState } from 'react';
import type { CallScript, ScriptLang } from '@/lib/domain/scripts';
import { safely } from '@/lib/safely';
import { readScriptLanguage, saveScriptLanguage } from '@/lib/storage/script-language-item';
import { readScripts, watchScripts } from '@/lib/storage/scripts-item';

// What the call script reads from this browser's storage: the dealer's scripts, and the
// language the rep chose for each lead.

/** The rep's language for this lead's script (null: not chosen), remembered in this browser. */
export function useChosenLanguage(leadKey: string): { chosen: ScriptLang | null; loaded: boolean; choose: (lang: ScriptLang) => void } {
  const [chosen, setChosen] = useState<{ key: string; lang: ScriptLang | null } | null>(null);
  useEffect(() => {
    let alive = true;
    readScriptLanguage(leadKey)
      .then((lang) => alive && setChosen({ key: leadKey, lang }))
      .catch(() => alive && setChosen({ key: leadKey, lang: null }));
    return () => {
      alive = false;
    };
  }, [leadKey]);
  const choose = (lang: ScriptLang) => {
    setChosen({ key: leadKey, lang });
    void saveScriptLanguage(leadKey, lang, Date.now()).catch(() => undefined);
  };
  const current = chosen && chosen.key === leadKey ? chosen : null;
  return { chosen: current?.lang ?? null, loaded: current !== null, choose };
}

/** The dealer's scripts, live; null until the first read so nobody logs a script never shown. */
export function useCustomScripts(): readonly CallScript[] | null {
  const [scripts, setScripts] = useState<readonly CallScript[] | null>(null);
  useEffect(() => {
    let alive = true;
    readScripts()
      .then((list) => alive && setScripts(list))
      // Unreadable storage (e.g. after an extension update) still leaves the defaults usable.
      .catch(() => alive && setScripts((previous) => previous ?? []));
    let unwatch: (() => void) | undefined;
    try {
      unwatch = watchScripts((list) => setScripts(list));
    } catch {
      // Same: without storage events the panel keeps the scripts it has.
    }
    return () => {
      alive = false;
      if (unwatch) safely(unwatch);
    };
  }, []);
  return scripts;
}
