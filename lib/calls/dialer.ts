/**
 * Hands a number to the phone's dialer without navigating the page: a `tel:` navigation of the page
 * itself made Chromium treat the page as leaving, which cancelled requests in flight (the reveal) and
 * left the form dead until a reload. A hidden frame takes the `tel:` navigation instead; the page, its
 * requests and its state stay as they were. Browser only.
 */
export function openDialer(phone: string, doc: Document = document): void {
  const frame = doc.createElement("iframe");
  frame.hidden = true;
  frame.setAttribute("aria-hidden", "true");
  frame.tabIndex = -1;
  frame.src = `tel:${phone.replace(/[^\d+]/g, "")}`;
  doc.body.appendChild(frame);
  // the dialer has the number once the navigation is handed over; the frame itself never shows anything
  window.setTimeout(() => frame.remove(), 2000);
}
