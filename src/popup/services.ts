import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { BackgroundClient } from './client';
import type { Platform } from './platform';

/** What every view may use: the background (client) and DOM services (platform). Never browser.* directly. */
export interface Services {
  client: BackgroundClient;
  platform: Platform;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext is missing: wrap the view in <ServicesContext.Provider>.');
  return services;
}
