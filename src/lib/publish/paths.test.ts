import { describe, expect, it } from "vitest";
import { absoluteUrl, pagePath, sitePath, urlPrefix } from "./paths.ts";
import { parseSiteUrl } from "./site-url.ts";

describe("site address", () => {
  it("splits SITE_URL into the origin and the base path of a project site", () => {
    expect(parseSiteUrl("https://owner.github.io/nhs-epr-tracker/")).toEqual({
      site: "https://owner.github.io",
      base: "/nhs-epr-tracker/",
    });
    expect(parseSiteUrl("https://owner.github.io/nhs-epr-tracker")).toEqual({
      site: "https://owner.github.io",
      base: "/nhs-epr-tracker/",
    });
    expect(parseSiteUrl("https://epr.example.org")).toEqual({ site: "https://epr.example.org", base: "/" });
    expect(parseSiteUrl(undefined)).toEqual({ site: undefined, base: "/" });
    expect(parseSiteUrl("")).toEqual({ site: undefined, base: "/" });
  });

  it("refuses a SITE_URL that is not an https address of plain path segments", () => {
    expect(() => parseSiteUrl("owner.github.io/repo")).toThrow(/not an absolute URL/);
    expect(() => parseSiteUrl("http://owner.github.io/repo/")).toThrow(/https/);
    expect(() => parseSiteUrl("https://owner.github.io/repo/?x=1")).toThrow(/no query/);
    expect(() => parseSiteUrl("https://owner.github.io/a%20b/")).toThrow(/plain segments/);
    expect(parseSiteUrl("http://127.0.0.1:4321/repo/")).toEqual({ site: "http://127.0.0.1:4321", base: "/repo/" });
  });

  it("puts the base path in front of every internal link, and the origin in front of addresses that leave the site", () => {
    expect(sitePath("/trusts/RK9/", "/nhs-epr-tracker/")).toBe("/nhs-epr-tracker/trusts/RK9/");
    expect(sitePath("/", "/")).toBe("/");
    expect(pagePath("/nhs-epr-tracker/trusts/", "/nhs-epr-tracker/")).toBe("/trusts/");
    expect(pagePath("/nhs-epr-tracker/", "/nhs-epr-tracker/")).toBe("/");
    expect(absoluteUrl("/og/index.png", new URL("https://owner.github.io"), "/nhs-epr-tracker/")).toBe(
      "https://owner.github.io/nhs-epr-tracker/og/index.png",
    );
    expect(absoluteUrl("/og/index.png", undefined, "/nhs-epr-tracker/")).toBe("/nhs-epr-tracker/og/index.png");
    expect(urlPrefix("https://owner.github.io", "/nhs-epr-tracker/")).toBe("https://owner.github.io/nhs-epr-tracker");
    expect(urlPrefix(undefined, "/")).toBe("");
    expect(() => sitePath("trusts/")).toThrow(/starting with "\/"/);
  });
});
