import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { safely } from '@/lib/safely';
import { resolveLang, translator, type Lang, type Translate } from '@/lib/i18n';
import type { LanguageSetting } from '@/lib/settings-schema';
import { followSettings } from '@/lib/storage/settings-read';

interface I18n {
  lang: Lang;
  t: Translate;
}

const I18nContext = createContext<I18n>({ lang: 'en', t: translator('en') });

const browserLanguage = () => (typeof navigator === 'undefined' ? undefined : navigator.language);

/** Follows the language setting live: switching it in options re-renders every open surface. */
export function useLanguageSetting(): LanguageSetting {
  const [setting, setSetting] = useState<LanguageSetting>('auto');
  useEffect(() => {
    let alive = true;
    const unfollow = followSettings((value) => alive && setSetting(value.language));
    return () => {
      alive = false;
      safely(unfollow);
    };
  }, []);
  return setting;
}

export function I18nProvider({ lang, children }: { lang?: Lang; children: ReactNode }) {
  const setting = useLanguageSetting();
  const resolved = lang ?? resolveLang(setting, browserLanguage());
  return <I18nContext.Provider value={{ lang: resolved, t: translator(resolved) }}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
