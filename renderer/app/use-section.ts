import { useCallback, useEffect, useState } from 'react';
import { sectionFromHash, type Section } from './routes';

/** The current section, kept in the location hash so reloads and back/forward work. */
export function useSection(): [Section, (section: Section) => void] {
  const [section, setSection] = useState<Section>(() => sectionFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setSection(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: Section) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [section, go];
}
