/** Who a version is recorded as. Contributors give theirs once (issue on versions). */
export interface Author {
  name: string
  email: string
}

/** Used only for the starter playbook's first version, made by Atelier itself. */
export const ATELIER_AUTHOR: Author = { name: 'Atelier', email: 'atelier@localhost' }
