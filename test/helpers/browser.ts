/**
 * Chromium for the tests that open reports: headless, without the sandbox (the tests run as
 * root under CI), the GPU, first-run pages or background traffic; and a page that records its
 * errors and every request that leaves file: (a report must be self-contained).
 */
import type { Browser, Page } from "playwright-core";

export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

export interface ReportPage {
  page: Page;
  /** Requests to anything but file: URLs. */
  requests: string[];
  /** Uncaught errors of the page's scripts. */
  errors: string[];
}

export async function reportPage(browser: Browser): Promise<ReportPage> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("file:")) requests.push(r.url());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return { page, requests, errors };
}
