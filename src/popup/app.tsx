import { useEffect, useState } from 'preact/hooks';
import type { BackgroundClient } from './client';
import { ThisPage } from './views/this-page';

export function App({ client }: { client: BackgroundClient }) {
  const [tabId, setTabId] = useState<number | undefined | null>(null);
  useEffect(() => {
    client.activeTabId().then(setTabId, () => setTabId(undefined));
  }, [client]);
  return (
    <main>
      <header>
        <h1>OTP Guard</h1>
      </header>
      {tabId !== null && <ThisPage client={client} tabId={tabId} />}
    </main>
  );
}
