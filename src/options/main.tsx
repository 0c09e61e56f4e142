import { render } from 'preact';

// File work (imports, backup restore) lives on this full page: Firefox closes the popup when a file chooser opens.
function Options() {
  return (
    <main>
      <h1>OTP Guard</h1>
      <p>Settings, imports and backups.</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
