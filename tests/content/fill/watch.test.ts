// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Candidate, candidateInputs, type FinderResult } from '../../../src/core/fill/types';
import { watchForOtpFields } from '../../../src/content/fill/watch';

const ids = (candidate: Candidate | null) => (candidate ? candidateInputs(candidate).map((input) => input.id) : null);

let stop: (() => void) | undefined;
let results: FinderResult[];
const start = () => {
  results = [];
  stop = watchForOtpFields(document, (result) => results.push(result), { debounceMs: 0 });
};
const lastBest = () => ids(results[results.length - 1]?.best ?? null);

beforeEach(() => {
  document.body.innerHTML = '<form><input id="email" type="email" name="email"></form>';
  history.replaceState(null, '', '/login');
});
afterEach(() => {
  stop?.();
});

describe('watchForOtpFields', () => {
  it('reports the first scan at once', () => {
    document.body.innerHTML = '<input id="otp" autocomplete="one-time-code">';
    start();
    expect(results).toHaveLength(1);
    expect(lastBest()).toEqual(['otp']);
  });

  it('finds a field added later', async () => {
    start();
    expect(results).toHaveLength(1);
    expect(lastBest()).toBeNull();
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<label for="late">Verification code</label><input id="late">';
    document.body.append(wrapper);
    await vi.waitFor(() => expect(lastBest()).toEqual(['late']));
  });

  it('finds a field inside a shadow root added later, and one added to that root afterwards', async () => {
    start();
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Nothing yet</p>';
    document.body.append(host);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(lastBest()).toBeNull();
    const input = document.createElement('input');
    input.id = 'shadow-otp';
    input.name = 'otp';
    shadow.append(input);
    await vi.waitFor(() => expect(lastBest()).toEqual(['shadow-otp']));
  });

  it('notices a field that becomes visible', async () => {
    document.body.innerHTML = '<div id="step2" hidden><input id="otp" name="otpCode"></div>';
    start();
    expect(lastBest()).toBeNull();
    document.getElementById('step2')!.removeAttribute('hidden');
    await vi.waitFor(() => expect(lastBest()).toEqual(['otp']));
  });

  it('rescans after an SPA route change (pushState + render) and reports again even for the same field', async () => {
    document.body.innerHTML = '<main id="app"><input id="otp" name="otp"></main>';
    start();
    expect(results).toHaveLength(1);
    history.pushState(null, '', '/mfa');
    document.getElementById('app')!.append(document.createElement('p'));
    await vi.waitFor(() => expect(results).toHaveLength(2));
    expect(lastBest()).toEqual(['otp']);
  });

  it('rescans on popstate and hashchange', async () => {
    start();
    document.body.innerHTML = '<input id="otp" name="otp">';
    await vi.waitFor(() => expect(lastBest()).toEqual(['otp']));
    const count = results.length;
    history.replaceState(null, '', '/login#step2');
    window.dispatchEvent(new Event('hashchange'));
    await vi.waitFor(() => expect(results.length).toBe(count + 1));
  });

  it('does not report again for mutations that do not touch inputs', async () => {
    document.body.innerHTML = '<input id="otp" name="otp"><div id="ticker"></div>';
    start();
    for (let i = 0; i < 20; i++) document.getElementById('ticker')!.textContent = `tick ${i}`;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(results).toHaveLength(1);
  });

  it('reports when the field goes away', async () => {
    document.body.innerHTML = '<div id="box"><input id="otp" name="otp"></div>';
    start();
    document.getElementById('otp')!.remove();
    await vi.waitFor(() => expect(results).toHaveLength(2));
    expect(lastBest()).toBeNull();
  });

  it('stops cleanly', async () => {
    start();
    stop!();
    document.body.innerHTML = '<input id="otp" name="otp">';
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(results).toHaveLength(1);
  });
});
