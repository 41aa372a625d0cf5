import { expect, type Locator, type Page } from "@playwright/test";
import { pathPattern } from "../support/demo";
import { waitForHydration } from "./login-page";

/** What the ledger card's two badges say: "N 次 / 标准 4" and "M 分钟 / 标准 20". */
export interface LedgerTotals {
  contacts: number;
  contactStandard: number;
  minutes: number;
  minuteStandard: number;
}

/**
 * One candidate as their caller works on them (/calls/[candidateId]): the masked numbers with 拨打,
 * the call timer, the log form, the escalation card and the ledger (台账) with its totals.
 */
export class CandidatePage {
  readonly heading: Locator;
  readonly timer: Locator;
  readonly stopTimer: Locator;
  readonly form: Locator;
  readonly minutes: Locator;
  readonly seconds: Locator;
  readonly submit: Locator;
  /** the form's aria-live line: saved, escalated, duplicate, offline, or the refusal */
  readonly message: Locator;
  readonly totals: Locator;
  readonly nextStep: Locator;
  readonly escalationState: Locator;
  /** the ledger's rows, newest first (cards on a phone, table rows on a desktop) */
  readonly ledgerRows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("main").getByRole("heading", { level: 1 });
    this.timer = page.getByTestId("call-timer");
    this.stopTimer = page.getByTestId("stop-timer");
    this.submit = page.getByTestId("log-submit");
    this.form = page.locator("form").filter({ has: this.submit });
    this.minutes = this.form.getByRole("textbox", { name: "分", exact: true });
    this.seconds = this.form.getByRole("textbox", { name: "秒", exact: true });
    this.message = page.getByTestId("log-message");
    this.totals = page.getByTestId("ledger-totals");
    this.nextStep = page.getByTestId("next-step");
    this.escalationState = page.getByTestId("escalation-state");
    this.ledgerRows = page.getByRole("table", { name: "回访台账" }).locator("tbody > tr");
  }

  async goto(candidateId: string) {
    await this.page.goto(`/calls/${candidateId}`);
    await this.waitUntilReady(candidateId);
  }

  /** After arriving by a link: waits until the form is hydrated, or a tap would do nothing. */
  async waitUntilReady(candidateId: string) {
    await expect(this.page).toHaveURL(pathPattern(`/calls/${candidateId}`));
    await waitForHydration(this.page, '[data-testid="log-submit"]');
  }

  phone(index: number): Locator {
    return this.page.getByTestId(`phone-${index}`);
  }

  callButton(index: number): Locator {
    return this.page.getByTestId(`call-${index}`);
  }

  /**
   * Chromium has no dialer: record each `tel:` the page hands over, as a phone hands the number to its
   * dialer and leaves the page as it was. The page opens the dialer in a hidden frame (lib/calls/dialer.ts);
   * a `tel:` navigation of the page itself is recorded and cancelled too. Call before the page loads (an
   * init script).
   */
  async interceptDialer() {
    await this.page.addInitScript(() => {
      if (window !== window.top) return;
      const dialed: string[] = [];
      Object.defineProperty(window, "__huifangDialed", { value: dialed });
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node instanceof HTMLIFrameElement && node.src.startsWith("tel:")) dialed.push(node.src);
          }
        }
      }).observe(document, { childList: true, subtree: true });
      // the Navigation API sees `location.href = "tel:…"` as a cancelable navigation
      const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
      navigation?.addEventListener("navigate", (event) => {
        const { destination } = event as Event & { destination: { url: string } };
        if (destination.url.startsWith("tel:")) {
          dialed.push(destination.url);
          event.preventDefault();
        }
      });
    });
  }

  /** The `tel:` addresses the page asked the phone to dial, in order. */
  dialed(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __huifangDialed?: string[] }).__huifangDialed ?? []);
  }

  /** Picks the channel and the result (their radios are hidden behind labels) and, if given, the duration. */
  async fillContact(input: { channel?: string; outcome: string; minutes?: string; seconds?: string }) {
    if (input.channel) await this.choose("联系方式", input.channel);
    if (input.minutes !== undefined) await this.minutes.fill(input.minutes);
    if (input.seconds !== undefined) await this.seconds.fill(input.seconds);
    await this.choose("结果", input.outcome);
  }

  private async choose(group: string, label: string) {
    const fieldset = this.form.getByRole("group", { name: group });
    await fieldset.getByText(label, { exact: true }).click();
    await expect(fieldset.getByRole("radio", { name: label, exact: true })).toBeChecked();
  }

  async ledgerTotals(): Promise<LedgerTotals> {
    const [contacts, minutes] = await this.totals.locator(":scope > span").allTextContents();
    const contactMatch = /^(\d+) 次 \/ 标准 (\d+)$/.exec(contacts?.trim() ?? "");
    const minuteMatch = /^(\d+) 分钟 \/ 标准 (\d+)$/.exec(minutes?.trim() ?? "");
    if (!contactMatch || !minuteMatch) throw new Error(`unexpected ledger totals: ${contacts} | ${minutes}`);
    return {
      contacts: Number(contactMatch[1]),
      contactStandard: Number(contactMatch[2]),
      minutes: Number(minuteMatch[1]),
      minuteStandard: Number(minuteMatch[2]),
    };
  }

  /** Waits until the totals read exactly this (they change after the page refreshes itself). */
  async expectTotals(totals: LedgerTotals) {
    await expect(this.totals.locator(":scope > span")).toHaveText([
      `${totals.contacts} 次 / 标准 ${totals.contactStandard}`,
      `${totals.minutes} 分钟 / 标准 ${totals.minuteStandard}`,
    ]);
  }
}
