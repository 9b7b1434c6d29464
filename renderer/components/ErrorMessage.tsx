/** A message that says what went wrong, shown where the user is looking. */
export function ErrorMessage({ message }: { message: string | null }) {
  if (message === null) return null
  return (
    <p className="error-message" role="alert">
      {message}
    </p>
  )
}
