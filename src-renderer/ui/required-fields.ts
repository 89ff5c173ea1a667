/**
 * The first required field of a form left empty, with its label's text, so the form can say
 * so in our words. Forms set `noValidate`: the browser's own bubble would speak the system's
 * language (English on an English system), not the contributor's.
 */
export function firstEmptyRequired(
  form: HTMLFormElement,
): { field: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement; label: string } | null {
  const fields = form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    'input[required], select[required], textarea[required]',
  )
  for (const field of fields) {
    if (field.disabled || field.value.trim() !== '') continue
    const label = field.labels?.[0]
    // A label wraps its field and maybe help text: its first span holds the name when it has one.
    const name = (label?.querySelector('span') ?? label)?.textContent?.trim() ?? ''
    return { field, label: name }
  }
  return null
}
