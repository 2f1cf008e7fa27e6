// Reads an iCalendar file with ical.js (an implementation independent of the site's) and prints what a calendar
// client would see, as JSON: the calendar's properties, its time zones and every event with its instants in UTC.
// Usage: node check.mjs FILE.ics   (exits non-zero, with the parser's message, if the file does not parse)
import ICAL from "ical.js";
import { readFileSync } from "node:fs";

const text = readFileSync(process.argv[2], "utf8");
const root = new ICAL.Component(ICAL.parse(text));
if (root.name !== "vcalendar") {
  throw new Error(`expected a VCALENDAR, found ${root.name}`);
}

const timezones = root.getAllSubcomponents("vtimezone").map((vtimezone) => {
  ICAL.TimezoneService.register(vtimezone);
  return {
    tzid: vtimezone.getFirstPropertyValue("tzid"),
    standard: vtimezone.getAllSubcomponents("standard").length,
    daylight: vtimezone.getAllSubcomponents("daylight").length,
  };
});

const property = (component, name) => {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : value.toString();
};

const instant = (time) => time.toJSDate().toISOString();

const events = root.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    location: event.location,
    url: property(vevent, "url"),
    categories: vevent.getAllProperties("categories").flatMap((p) => p.getValues()),
    sequence: event.sequence,
    status: property(vevent, "status"),
    dtstamp: instant(vevent.getFirstPropertyValue("dtstamp")),
    lastModified: vevent.hasProperty("last-modified") ? instant(vevent.getFirstPropertyValue("last-modified")) : null,
    startZone: event.startDate.zone ? event.startDate.zone.tzid : null,
    endZone: event.endDate.zone ? event.endDate.zone.tzid : null,
    startUtc: instant(event.startDate),
    endUtc: instant(event.endDate),
  };
});

process.stdout.write(JSON.stringify({
  name: property(root, "x-wr-calname"),
  version: property(root, "version"),
  refreshInterval: property(root, "refresh-interval"),
  publishedTtl: property(root, "x-published-ttl"),
  timezones,
  events,
}));
