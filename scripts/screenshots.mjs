// The README's screenshots, taken with Debian's Chromium through playwright-core; scripts/screenshots starts the
// sites and calls this. Usage:
//   node scripts/screenshots.mjs --seeded URL --seeded-day YYYY-MM-DD --grid URL --grid-day YYYY-MM-DD --out DIR
// First screen only (not the full page), device scale factor 1, so the files stay small.
import { chromium } from "playwright-core";
import { mkdir } from "node:fs/promises";
import path from "node:path";

const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
    const key = process.argv[i].replace(/^--/, "");
    if (i + 1 >= process.argv.length) throw new Error(`${process.argv[i]} needs a value`);
    args[key] = process.argv[i + 1];
}
for (const key of ["seeded", "seeded-day", "grid", "grid-day", "out"]) {
    if (!args[key]) throw new Error(`--${key} is required`);
}

const phone = { width: 390, height: 844, isMobile: true, hasTouch: true };
const laptop = { width: 1366, height: 900, isMobile: false, hasTouch: false };

const shots = [
    { file: "programme-day-phone-light.png", base: args.seeded, path: `/programme/${args["seeded-day"]}`, device: phone, scheme: "light" },
    { file: "programme-day-phone-dark.png", base: args.seeded, path: `/programme/${args["seeded-day"]}`, device: phone, scheme: "dark" },
    { file: "programme-laptop-light.png", base: args.seeded, path: "/programme", device: laptop, scheme: "light" },
    { file: "day-grid-laptop-light.png", base: args.grid, path: `/programme/${args["grid-day"]}`, device: laptop, scheme: "light", grid: true },
    { file: "day-grid-laptop-dark.png", base: args.grid, path: `/programme/${args["grid-day"]}`, device: laptop, scheme: "dark", grid: true },
    { file: "home-phone-light.png", base: args.seeded, path: "/", device: phone, scheme: "light" },
];

const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
    ],
});
try {
    await mkdir(args.out, { recursive: true });
    for (const shot of shots) {
        const context = await browser.newContext({
            viewport: { width: shot.device.width, height: shot.device.height },
            deviceScaleFactor: 1,
            isMobile: shot.device.isMobile,
            hasTouch: shot.device.hasTouch,
            colorScheme: shot.scheme,
            reducedMotion: "reduce",
            locale: "en-CA",
            // The "Show times in my time zone" button names the visitor's zone: the same on every machine.
            timezoneId: "UTC",
        });
        const page = await context.newPage();
        const response = await page.goto(shot.base + shot.path, { waitUntil: "networkidle" });
        if (!response || response.status() !== 200) {
            throw new Error(`${shot.path}: HTTP ${response ? response.status() : "no response"}`);
        }
        if (shot.grid && !(await page.locator(".day-grid").isVisible())) {
            throw new Error(`${shot.path}: no day grid on a ${shot.device.width}px screen`);
        }
        await page.evaluate(() => document.fonts.ready);
        const file = path.join(args.out, shot.file);
        await page.screenshot({ path: file, fullPage: false, animations: "disabled", caret: "hide" });
        console.log(`wrote ${file} (${shot.device.width}x${shot.device.height}, ${shot.scheme}, ${shot.path})`);
        await context.close();
    }
} finally {
    await browser.close();
}
