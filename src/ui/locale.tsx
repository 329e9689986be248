// The interface language for a component tree: a Preact context holding the translate function, so
// components call `useT()` instead of threading the locale through props.
import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type Locale, pickLocale, type Translate, translator } from './i18n.ts';

const LocaleContext = createContext<Translate>(translator(pickLocale(globalThis.navigator?.language)));

export function LocaleProvider({ locale, children }: { locale: Locale; children: ComponentChildren }) {
  return <LocaleContext.Provider value={translator(locale)}>{children}</LocaleContext.Provider>;
}

export function useT(): Translate {
  return useContext(LocaleContext);
}
