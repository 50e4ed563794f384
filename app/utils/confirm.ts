/** What a confirm page needs: the question, and the form to send again once confirmed. */
export type Confirmation = {
  title: string;
  message: string;
  confirmLabel: string;
  cancelHref: string;
  /** Where the confirmed form posts (the page's own action when left out). */
  action?: string;
  fields: [string, string][];
};
