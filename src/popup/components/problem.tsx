/** A plain-words error for the user, announced to screen readers; nothing when there is none. */
export function Problem({ text, testId }: { text: string | null | undefined; testId?: string }) {
  return text ? (
    <p class="error" role="alert" data-testid={testId}>
      {text}
    </p>
  ) : null;
}
